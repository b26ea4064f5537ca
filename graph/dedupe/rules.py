"""The duplicate rules, run for some reports (online, inside the intake transaction) or for all (batch).

Each rule is a Cypher file under cypher/dedupe/. Where a rule needs text similarity, Cypher finds the
candidates inside small blocks (one reporter's reports, one account's messages) and Python scores them.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import datetime, timedelta, timezone

from domain.dm_match import DirectMessage, dm_match_score
from domain.textsim import containment, jaccard, normalise_text, shingles
from graph.port import Row, Tx


@dataclass(frozen=True)
class DedupePolicy:
    """The thresholds of the scored rules (documented in docs/dedupe.md)."""

    resubmission_window: timedelta = timedelta(days=180)
    # Reports that share no item have only their words (and material that does not contradict) to go on, and
    # a repeat victim's words recur ("I was abused online ... I did not manage to save the messages"): as a
    # resubmission the second must follow soon, while the first is unanswered (acknowledgement is due within 5
    # working days). Later than this, a pair naming some material is offered for review; naming none, dropped.
    resubmission_window_without_shared_item: timedelta = timedelta(days=14)
    resubmission_similarity: float = 0.8
    resubmission_min_contained: int = 8  # word 3-shingles the shorter description needs for containment to count
    dm_window: timedelta = timedelta(hours=2)
    dm_threshold: float = 0.65
    # Reporters give a post's time to the minute (cut or rounded), so one post's times differ by at most a minute;
    # two minutes would take in the account's next post (at 1,000,000 reports: a viral video and posts 120 s after).
    same_item_max_gap: timedelta = timedelta(minutes=1)
    post_window: timedelta = timedelta(hours=48)  # same_account_post: reports of one post come close together
    post_score: float = 0.7
    post_score_kind_not_given: float = 0.6  # the mention without a URL fits any item: only the account's one in the window
    # same_posting_time: a platform and a minute name one post only when no other reported post fits them.
    posting_time_score: float = 0.6
    # same_victim_post: a platform and a victim name one post only when no other reported post about the victim fits.
    victim_post_score: float = 0.5


POLICY = DedupePolicy()


def link_reports(tx: Tx, ids: list[str], policy: DedupePolicy = POLICY) -> None:
    """Run every rule for the reports `ids`, linking them to any report already in the graph."""
    tx.run("dedupe/link_same_content_for_reports", ids=ids)
    link_items_without_url(tx, ids, policy)
    link_resubmissions(tx, ids, policy)
    suggest_message_matches(tx, ids, policy)
    link_account_only_post(tx, ids, policy)
    link_by_posting_time(tx, ids, policy)
    link_by_victim(tx, ids, policy)


def link_items_without_url(tx: Tx, ids: list[str], policy: DedupePolicy = POLICY) -> None:
    """Rule same_item_without_url: the same account's material at the same time, one side without a URL."""
    tx.run("dedupe/link_same_item_without_url", ids=ids, max_gap_seconds=int(policy.same_item_max_gap.total_seconds()))


def link_resubmissions(tx: Tx, ids: list[str], policy: DedupePolicy = POLICY) -> int:
    """Rule resubmission: the same reporter (e-mail or phone) describing the same incident again.

    Linked when the two share an item or came within the short window; a pair that shares no item, came
    later than that and names some material is only offered for review.
    """
    rows, offered = [], []
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
        late = _late_without_shared_item(candidate, policy)
        if late and not candidate["material"] and not candidate["other_material"]:
            continue  # naming nothing, and not soon after: the same person's next incident, in their usual words
        similarity, how = _description_similarity(candidate["description"], candidate["other_description"], policy)
        if similarity < policy.resubmission_similarity:
            continue
        evidence = [f"same reporter contact {contact}" for contact in candidate["contacts"]]
        evidence.append(f"descriptions {similarity:.0%} alike{how}")
        if late:
            days = policy.resubmission_window_without_shared_item.days
            evidence.append(f"no item in common, and more than {days} days apart: for review")
        (offered if late else rows).append(
            {"later": later, "earlier": earlier, "rule": "resubmission", "score": round(similarity, 3), "evidence": evidence})
    if rows:
        tx.run("dedupe/write_duplicate_links", rows=rows)
    if offered:
        tx.run("dedupe/write_suggestions", rows=offered)
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


def _late_without_shared_item(candidate: Row, policy: DedupePolicy) -> bool:
    """Whether two reports share no item with a URL and came further apart than a resubmission soon after."""
    gap = abs(candidate["arrival"][0] - candidate["other_arrival"][0])
    shared = set(candidate["items"]) & set(candidate["other_items"])
    return not shared and gap > policy.resubmission_window_without_shared_item.total_seconds()


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


def link_account_only_post(tx: Tx, ids: list[str], policy: DedupePolicy = POLICY) -> int:
    """Rule same_account_post: material without a URL is the only post of its account reported near it.

    "A video by @x" with no URL, time or words names an account, not one of its posts. When the reports
    received in the window before the later of the two hold just one item of that account that fits (no other
    kind, where "other" and X's URL hint "status" fit any post; no other URL, posting time, words, strand or
    victim), the two are one item. With two or more fitting items of the account reported before the mention,
    the one that agrees with it in more ways (posting minute, words, victim, kind) than each other one is taken;
    else nothing is linked. A mention that gives no kind (or only "other") fits an item of any kind, and its
    links have the lower score `post_score_kind_not_given`.
    A mention of an item with a URL is the account's when its report names that poster, or when a report
    received before the later of the two named that item's poster so (reporters name one poster by a display
    name or a username). Only what arrived before the later report counts, so the online and batch paths link
    the same pairs.
    """
    window = int(policy.post_window.total_seconds())
    gap = policy.same_item_max_gap.total_seconds() * 1000
    rows, seen = [], set()
    for found in tx.run("dedupe/post_candidates", ids=ids, window_seconds=window):
        mine = _with_words(found)
        every = [mine, *map(_with_words, found["others"])]
        for other in every[1:]:
            if other["report"] == mine["report"] or (mine["has_url"] and other["has_url"]):
                continue  # items one report lists apart are two items; two URLs were compared by same_content
            later, earlier = sorted((mine, other), key=_arrival_order, reverse=True)
            # The mention without a URL (the later one when both lack it), whichever report this row is about.
            bare, named = (earlier, later) if later["has_url"] else (later, earlier)
            pair = (later["report"], earlier["report"])
            if pair in seen or not (_poster_known(mine, later) and _poster_known(other, later)) \
                    or not _fits(bare, named, gap):
                continue
            before = [o for o in every if o is not bare and 0 <= _seconds_before(later, o) <= window
                      and _poster_known(o, later)]
            fitting = [o for o in before if _fits(bare, o, gap)]
            which = f"the only item of this account that fits, of those reported in the {window // 3600} h before"
            if any(not _fits(a, b, gap, facets=()) for a in fitting for b in fitting):
                # Two or more of the account's posts fit: when it comes after them, the one agreeing with it in
                # more ways than every other; else none. (Material reported before them may already be linked
                # to the account's post that was the only one then: a second post would join two incidents.)
                rivals = [o for o in fitting if not _fits(named, o, gap, facets=())]
                agreeing = _agreeing(bare, named, gap)
                if bare is not later or not rivals \
                        or any(len(_agreeing(bare, rival, gap)) >= len(agreeing) for rival in rivals):
                    continue
                which = (f"of the items of this account that fit, of those reported in the {window // 3600} h "
                         f"before, the one agreeing with it most: {', '.join(agreeing)}")
            seen.add(pair)
            kind = _kind_in_words(bare, named)
            hours = abs(_seconds_before(mine, other)) / 3600
            rows.append({"later": pair[0], "earlier": pair[1], "rule": "same_account_post",
                         "score": policy.post_score if kind else policy.post_score_kind_not_given,
                         "evidence": [f"same account {found['account']}",
                                      f"{_article(kind)} {kind} without a URL" if kind
                                      else "material without a URL, its kind not given",
                                      f"reported {hours:.0f} h apart", which]})
    if rows:
        tx.run("dedupe/write_duplicate_links", rows=rows)
    return len(rows)


def link_by_posting_time(tx: Tx, ids: list[str], policy: DedupePolicy = POLICY) -> int:
    """Rule same_posting_time: material given with neither URL nor poster, but with the minute it was posted.

    "A post on TikTok, posted 14:03 on 2 October" names a platform and a minute. When the reports received in
    the window before the later of the two hold material of that platform given as posted within that minute
    (`same_item_max_gap`) that fits it (kind, words, strand, victim), and all of it is one item (one URL, and
    posters only that URL's; or, without a URL, one poster), the mention is that item. Two or more items, or
    one its own report lists apart from it, and nothing is linked. Mentions with neither URL nor poster do not
    count either way: they name no item. Only what arrived before the later report counts, so the online and
    batch paths link the same pairs.
    """
    window = int(policy.post_window.total_seconds())
    # Candidates within two gaps of this report's time: when this report names the item, the mentions that
    # decide whether the bare one's minute holds one item lie up to a gap beyond the bare one's time.
    found = tx.run("dedupe/posting_time_candidates", ids=ids, window_seconds=window,
                   reach_seconds=2 * int(policy.same_item_max_gap.total_seconds()))
    return _link_bare_mentions(
        tx, found, window, policy, "same_posting_time", policy.posting_time_score,
        accepts=lambda bare, named, fitting: _one_item(fitting),  # not two posts of that minute
        evidence=lambda bare, named, hours: [
            f"material on {bare['platform']} without a URL or poster, posted at {_minute(bare['posted_ms'])} UTC",
            f"{_named_as(named)} given as posted at {_minute(named['posted_ms'])} UTC",
            f"reported {hours:.0f} h apart",
            f"the only item of the platform posted within the minute that fits, of those reported in the "
            f"{window // 3600} h before"])


def link_by_victim(tx: Tx, ids: list[str], policy: DedupePolicy = POLICY) -> int:
    """Rule same_victim_post: material given with neither URL nor poster, in a report naming its victim.

    "A post on TikTok about me" names a platform and a victim. When the reports naming that victim received in
    the window before the later of the two hold material of that platform named by a URL or a poster that fits
    it (kind, words, strand, posting time), and all of it is one item, the mention is that item: the victim's
    one post on the platform, as `same_account_post` takes an account's one post. Two or more items (a pile-on,
    or a course of conduct), or one its own report lists apart from it, and nothing is linked. Victims are
    matched by `victim_key`; with several victims in common, each must have that one item alone.
    """
    window = int(policy.post_window.total_seconds())
    found = tx.run("dedupe/victim_candidates", ids=ids, window_seconds=window)
    return _link_bare_mentions(
        tx, found, window, policy, "same_victim_post", policy.victim_post_score,
        accepts=_the_victims_one_item,
        evidence=lambda bare, named, hours: [
            f"material on {bare['platform']} without a URL or poster",
            f"{_named_as(named)}, in a report naming the same victim",
            f"reported {hours:.0f} h apart",
            f"the only item of the platform about that victim that fits, of those reported in the "
            f"{window // 3600} h before"])


def _the_victims_one_item(bare: Row, named: Row, fitting: list[Row]) -> bool:
    """Whether the two name a victim in common, and for each such victim the fitting mentions are one item."""
    shared = set(bare["victims"]) & set(named["victims"])
    return bool(shared) and all(_one_item([o for o in fitting if victim in o["victims"]]) for victim in shared)


def _link_bare_mentions(tx: Tx, found: list[Row], window: int, policy: DedupePolicy, rule: str, score: float, *,
                        accepts: Callable[[Row, Row, list[Row]], bool],
                        evidence: Callable[[Row, Row, float], list[str]]) -> int:
    """Link each pair of reports whose mention without URL or poster `accepts` takes for the other's item,
    with the rule's `evidence` for the two mentions and the hours between their reports."""
    rows, seen = [], set()
    for bare, named, fitting, hours in _bare_and_named_pairs(found, window, policy):
        pair = _pair(bare, named)
        if (pair["later"], pair["earlier"]) in seen or not accepts(bare, named, fitting):
            continue
        seen.add((pair["later"], pair["earlier"]))
        rows.append({**pair, "rule": rule, "score": score, "evidence": evidence(bare, named, hours)})
    if rows:
        tx.run("dedupe/write_duplicate_links", rows=rows)
    return len(rows)


def _bare_and_named_pairs(found: list[Row], window: int, policy: DedupePolicy) -> Iterator[tuple[Row, Row, list[Row], float]]:
    """Each pair of a mention with neither URL nor poster and one naming its item (by URL or poster) that fit.

    Yields (bare, named, fitting, hours apart) for each pair of mentions, where `fitting` holds every mention
    naming its item, in the rows' reports received in the window before the later of the two, that fits the
    bare one (`named` among them). Pairs whose bare mention's own report lists a fitting item apart from it
    are left out: that item is not this one.
    """
    gap = policy.same_item_max_gap.total_seconds() * 1000
    for row in found:
        mine = _with_words(row)
        every = [mine, *map(_with_words, row["others"])]
        for other in every[1:]:
            if other["report"] == mine["report"] or _names_item(mine) == _names_item(other):
                continue  # one side must name its item (URL or poster) and the other neither
            bare, named = (other, mine) if _names_item(mine) else (mine, other)
            later = max(mine, other, key=_arrival_order)
            if not _fits(bare, named, gap):
                continue
            fitting = [o for o in every if o is not bare and _names_item(o) and 0 <= _seconds_before(later, o) <= window
                       and _fits(bare, o, gap)]
            if any(o["report"] == bare["report"] for o in fitting):
                continue
            yield bare, named, fitting, abs(_seconds_before(mine, other)) / 3600


def _pair(first: Row, second: Row) -> dict[str, str]:
    """The link's ends: from the later report (by arrival, then id) to the earlier."""
    later, earlier = sorted((first, second), key=_arrival_order, reverse=True)
    return {"later": later["report"], "earlier": earlier["report"]}


def _named_as(named: Row) -> str:
    return f"the item {named['item']}" if named["has_url"] else f"material by {named['account']}"


def _names_item(occurrence: Row) -> bool:
    """Whether a mention names its item: by a URL, or by the poster its report gave."""
    return bool(occurrence["has_url"] or occurrence["account"])


def _one_item(mentions: list[Row]) -> bool:
    """Whether mentions that name their item (by URL or poster) can only be one item.

    One URL, with any poster given without it being one its mentions give (reporters name one poster by a
    display name or by the username, so a URL may have both); or, without a URL, one poster.
    """
    urls = {m["item"] for m in mentions if m["has_url"]}
    if len(urls) > 1:
        return False
    posters = {m["account"] for m in mentions if not m["has_url"]}
    if not urls:
        return len(posters) <= 1
    url_posters = {m["account"] for m in mentions if m["has_url"] and m["account"]}
    return posters <= url_posters


def _minute(epoch_ms: int) -> str:
    return _instant(epoch_ms).strftime("%Y-%m-%d %H:%M")


# Kinds that say little about which post: a reporter's "other", X's URL hint "status" (a post, reply, picture or video).
_ANY_POST_KIND = frozenset({"other", "status"})


def _kinds_fit(first: list[str], second: list[str]) -> bool:
    """Whether two mentions' kinds can be one item's: the same kind, or one unknown or too broad to differ."""
    a, b = set(first), set(second)
    return not a or not b or bool(a & b) or bool((a | b) & _ANY_POST_KIND)


def _kind_in_words(bare: Row, named: Row) -> str | None:
    """The kind to name in the evidence: what the report without a URL said (the one both give, if several).

    None when it gave no kind, or only one that fits any post ("other", X's "status").
    """
    said = set(bare["kinds"]) - _ANY_POST_KIND
    return min(said & set(named["kinds"]) or said) if said else None


def _article(word: str) -> str:
    return "an" if word[:1] in "aeiou" else "a"


def _with_words(occurrence: Row) -> Row:
    """The occurrence with the words its report gave, normalised (None when it gave none)."""
    return {**occurrence, "words": normalise_text(occurrence["text"]) or None if occurrence["text"] else None}


def _arrival_order(occurrence: Row) -> tuple:
    return (occurrence["arrival"], occurrence["report"])


def _seconds_before(later: Row, occurrence: Row) -> float:
    return (later["arrival"][0] - occurrence["arrival"][0]) + (later["arrival"][1] - occurrence["arrival"][1]) / 1e9


def _poster_known(occurrence: Row, later: Row) -> bool:
    """Whether a mention is known as the account's by the later report of a pair: its own report names the
    account as the poster, or a report received no later than that one named its item's poster so."""
    if occurrence["named"]:
        return True
    first = occurrence["first_named"]
    return first is not None and tuple(first) <= (*later["arrival"], later["report"])


def _agreeing(bare: Row, other: Row, max_gap_ms: float) -> list[str]:
    """What two mentions both give and give alike: the posting minute, the words, a victim, a kind (one that
    names a kind of post, not "other")."""
    alike = {
        "the posting minute": bare["posted_ms"] is not None and other["posted_ms"] is not None
        and abs(bare["posted_ms"] - other["posted_ms"]) <= max_gap_ms,
        "the words": bool(bare["words"]) and bare["words"] == other["words"],
        "a victim": bool(set(bare["victims"]) & set(other["victims"])),
        "the kind": bool((set(bare["kinds"]) - _ANY_POST_KIND) & set(other["kinds"])),
    }
    return [facet for facet, same in alike.items() if same]


def _fits(first: Row, second: Row, max_gap_ms: float, facets: tuple[str, ...] = ("strands", "victims")) -> bool:
    """Whether two mentions of an account's material can be one post: nothing they both give differs.

    `facets` are what the reports say of the post rather than what it is: two reports of one post often name
    its victim or its strand differently, so whether two fitting mentions are two posts is asked without them.
    """
    if first["has_url"] and second["has_url"]:
        return first["item"] == second["item"]
    if not _kinds_fit(first["kinds"], second["kinds"]):
        return False
    if first["posted_ms"] is not None and second["posted_ms"] is not None \
            and abs(first["posted_ms"] - second["posted_ms"]) > max_gap_ms:
        return False
    if first["words"] and second["words"] and first["words"] != second["words"]:
        return False
    return not any(first[facet] and second[facet] and not set(first[facet]) & set(second[facet])
                   for facet in facets)


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
