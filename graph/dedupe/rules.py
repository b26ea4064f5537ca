"""The duplicate rules, run for some reports (online, inside the intake transaction) or for all (batch).

Each rule is a Cypher file under cypher/dedupe/. Where a rule needs text similarity, Cypher finds the
candidates inside small blocks (one reporter's reports, one account's messages) and Python scores them.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta, timezone

from domain.dm_match import DirectMessage, dm_match_score
from domain.textsim import containment, jaccard, shingles
from graph.port import Row, Tx


@dataclass(frozen=True)
class DedupePolicy:
    """The thresholds of the scored rules (documented in docs/dedupe.md)."""

    resubmission_window: timedelta = timedelta(days=180)
    # Reports naming no material at all have only their words to compare, and a repeat victim's words recur
    # ("I was abused online ... I did not manage to save the messages"): as a resubmission, the second must
    # follow soon, while the first is unanswered (acknowledgement is due within 5 working days).
    resubmission_window_without_material: timedelta = timedelta(days=14)
    resubmission_similarity: float = 0.8
    resubmission_min_contained: int = 8  # word 3-shingles the shorter description needs for containment to count
    dm_window: timedelta = timedelta(hours=2)
    dm_threshold: float = 0.65
    same_item_max_gap: timedelta = timedelta(minutes=2)


POLICY = DedupePolicy()


def link_reports(tx: Tx, ids: list[str], policy: DedupePolicy = POLICY) -> None:
    """Run every rule for the reports `ids`, linking them to any report already in the graph."""
    tx.run("dedupe/link_same_content_for_reports", ids=ids)
    link_items_without_url(tx, ids, policy)
    link_resubmissions(tx, ids, policy)
    suggest_message_matches(tx, ids, policy)


def link_items_without_url(tx: Tx, ids: list[str], policy: DedupePolicy = POLICY) -> None:
    """Rule same_item_without_url: the same account's material at the same time, one side without a URL."""
    tx.run("dedupe/link_same_item_without_url", ids=ids, max_gap_seconds=int(policy.same_item_max_gap.total_seconds()))


def link_resubmissions(tx: Tx, ids: list[str], policy: DedupePolicy = POLICY) -> int:
    """Rule resubmission: the same reporter (e-mail or phone) describing the same incident again."""
    rows = []
    seen: set[tuple[str, str]] = set()
    for candidate in tx.run(
        "dedupe/resubmission_candidates",
        ids=ids,
        window_seconds=int(policy.resubmission_window.total_seconds()),
    ):
        later, earlier = _later_first(candidate, "report", "other")
        if (later, earlier) in seen:
            continue
        seen.add((later, earlier))
        if _different_material(candidate):
            continue  # both name their material, and it differs: two incidents, not one told twice
        if not candidate["material"] and not candidate["other_material"] and \
                abs(candidate["arrival"][0] - candidate["other_arrival"][0]) > policy.resubmission_window_without_material.total_seconds():
            continue
        similarity, how = _description_similarity(candidate["description"], candidate["other_description"], policy)
        if similarity < policy.resubmission_similarity:
            continue
        evidence = [f"same reporter contact {contact}" for contact in candidate["contacts"]]
        evidence.append(f"descriptions {similarity:.0%} alike{how}")
        rows.append({"later": later, "earlier": earlier, "rule": "resubmission", "score": round(similarity, 3), "evidence": evidence})
    if rows:
        tx.run("dedupe/write_duplicate_links", rows=rows)
    return len(rows)


def _different_material(candidate: Row) -> bool:
    """Whether two reports name material that cannot be the same: other URLs, other platforms, other posters.

    A person who reports twice with the same few words ("This post on X is being shared everywhere") is often
    reporting a second incident; the material tells, wherever both reports name it.
    """
    for field in ("items", "platforms", "authors"):
        mine, theirs = set(candidate[field]), set(candidate[f"other_{field}"])
        if mine and theirs and not mine & theirs:
            return True
    return False


def _description_similarity(first: str, second: str, policy: DedupePolicy) -> tuple[float, str]:
    """Return how alike two descriptions are, and words saying how when one is contained in the other."""
    a, b = shingles(first), shingles(second)
    overlap = jaccard(a, b)
    if min(len(a), len(b)) >= policy.resubmission_min_contained:
        contained = containment(a, b)
        if contained > overlap:
            return contained, " (one repeats the other)"
    return overlap, ""


def suggest_message_matches(tx: Tx, ids: list[str], policy: DedupePolicy = POLICY) -> int:
    """Rule dm_match: messages without a URL that look like the same one, offered for review."""
    rows = []
    seen: set[tuple[str, str]] = set()
    for candidate in tx.run(
        "dedupe/dm_candidates", ids=ids, window_seconds=int(policy.dm_window.total_seconds())
    ):
        later, earlier = _later_first(candidate, "report", "other")
        if (later, earlier) in seen:
            continue
        match = dm_match_score(_message(candidate, ""), _message(candidate, "other_"), window=policy.dm_window)
        if match is None or match.score < policy.dm_threshold:
            continue
        seen.add((later, earlier))
        evidence = [f"{name}: {value}" for name, value in sorted(match.evidence.items())]
        rows.append({"later": later, "earlier": earlier, "rule": "dm_match", "score": round(match.score, 3), "evidence": evidence})
    if rows:
        tx.run("dedupe/write_suggestions", rows=rows)
    return len(rows)


def _message(candidate: Row, prefix: str) -> DirectMessage:
    victims = candidate[f"{prefix}victims"]
    return DirectMessage(
        key=candidate["other_item" if prefix else "item"],
        platform=candidate["platform"],
        account=candidate["account"],
        victim=victims[0] if victims else None,
        sent_at=_instant(candidate[f"{prefix}posted_ms"]),
        text=candidate[f"{prefix}text"],
    )


def _instant(epoch_ms: int | None) -> datetime | None:
    """A posting time read as epoch milliseconds, as a UTC datetime (only differences between two are used)."""
    return None if epoch_ms is None else datetime.fromtimestamp(epoch_ms / 1000, tz=timezone.utc)


def _later_first(candidate: Row, first: str, second: str) -> tuple[str, str]:
    """Order a pair so that the later report (by arrival, then id) comes first."""
    a = (candidate["arrival"], candidate[first])
    b = (candidate["other_arrival"], candidate[second])
    return (a[1], b[1]) if a > b else (b[1], a[1])
