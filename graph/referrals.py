"""Platform referrals over the graph: drafted for a case or a whole campaign, then taken through their lifecycle.

A referral lists the content items of one platform (`LISTS`), hangs off every case whose content it lists
(`HAS_REFERRAL`) and points at its platform (`TO_PLATFORM`). Drafting is idempotent: an item already removed,
or already on an open referral to its platform, is not listed again, so a rerun creates nothing. Each step
(sent, acknowledged, removed, refused, no_response) is checked by `domain.referrals`, stamped with its date and
who recorded it, and kept in the referral's `history`; a removal is recorded on the item itself.
Reads and the referral document are in `graph.referral_reads`.
"""

from __future__ import annotations

import json
import uuid
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime, timezone
from functools import lru_cache
from pathlib import Path

from domain.platform_contacts import PlatformDirectory, load_platform_directory
from domain.referrals import (
    OPEN_STATUSES, ReferralEvent, ReferralRefused, ReferralState, apply_event, basis_of,
)
from domain.results import read_stored
from graph.policies import PLATFORMS_FILE, POLICY_DIR
from graph.port import GraphError, GraphPort, Row, Tx
from loaders.normalise.platforms import PLATFORM_DISPLAY_NAMES


class ReferralError(GraphError):
    """A referral cannot be drafted or changed as asked; the message names the record, the field and why."""


@dataclass(frozen=True)
class Drafted:
    """The outcome of drafting: the referrals created now, and the items left out with why (removed, referred)."""

    source: str
    created: tuple[str, ...]
    skipped_removed: tuple[str, ...]
    skipped_referred: tuple[str, ...]

    @property
    def message(self) -> str:
        """Say in one line what drafting did."""
        made = f"{len(self.created)} referral{'s' if len(self.created) != 1 else ''} drafted for {self.source}"
        left = []
        if self.skipped_referred:
            left.append(f"{len(self.skipped_referred)} already on an open referral")
        if self.skipped_removed:
            left.append(f"{len(self.skipped_removed)} already removed")
        return made + (f"; items left out: {', '.join(left)}" if left else "")


def load_platforms(policy_dir: Path = POLICY_DIR) -> PlatformDirectory:
    """Return the platforms directory covering every platform the normaliser knows; PolicyError names the fault."""
    return load_platform_directory(policy_dir / PLATFORMS_FILE, known_platforms=PLATFORM_DISPLAY_NAMES)


@lru_cache(maxsize=1)
def shipped_platforms() -> PlatformDirectory:
    """Return the shipped directory, read once on first use (for callers that were not handed one)."""
    return load_platforms()


def now_utc() -> datetime:
    """Return the current time, in UTC: the time referrals are judged overdue against."""
    return datetime.now(timezone.utc)


def _draft_rows(candidates: Row, *, source: tuple[str, str], by: str,
                platforms: PlatformDirectory) -> tuple[list[Row], Drafted]:
    kind, source_id = source
    removed = tuple(item["key"] for item in candidates["items"] if item["removed"])
    referred = tuple(item["key"] for item in candidates["items"] if item["referred"] and not item["removed"])
    groups: dict[str, list[Row]] = defaultdict(list)
    for item in candidates["items"]:
        if not item["removed"] and not item["referred"]:
            groups[item["platform"]].append(item)
    assessments = {row["case"]: read_stored(row["assessment_json"]) for row in candidates["assessments"]}
    rows = []
    for platform, items in sorted(groups.items()):
        entry = platforms.entry_for(platform)
        cases = sorted({case for item in items for case in item["cases"]})
        basis = basis_of((assessments.get(case) for case in cases), entry.policy.describe())
        history = [{"event": "drafted", "at": now_utc().isoformat(), "by": by, "note": None, "reason": None,
                    "items": [], "status": "draft"}]
        rows.append({
            "id": f"referral:{uuid.uuid4().hex[:16]}", "case": source_id if kind == "case" else None,
            "campaign": source_id if kind == "campaign" else None, "platform": platform,
            "platform_name": entry.name if platforms.has_own_entry(platform) else platform,
            "basis": basis.text, "basis_kind": basis.kind, "offences": list(basis.offences),
            "policy_name": entry.policy.name, "policy_url": entry.policy.url, "contact": entry.contact.describe(),
            "trusted_flagger": entry.trusted_flagger, "response_hours": entry.response_hours, "by": by,
            "history": json.dumps(history), "items": sorted(item["key"] for item in items), "cases": cases,
        })
    drafted = Drafted(source=f"{kind} {source_id}", created=tuple(row["id"] for row in rows),
                      skipped_removed=removed, skipped_referred=referred)
    return rows, drafted


def _draft(port: GraphPort, query: str, source: tuple[str, str], *, by: str,
           platforms: PlatformDirectory | None) -> Drafted:
    kind, source_id = source
    who = " ".join(by.split())
    if not who:
        raise ReferralError(f"drafting referrals for {kind} {source_id}: by: say who drafts them")
    directory = platforms or shipped_platforms()

    def work(tx: Tx) -> Drafted:
        found = tx.run(query, **{kind: source_id}, open=list(OPEN_STATUSES))
        if not found:
            raise ReferralError(f"no {kind} {source_id!r}")
        rows, drafted = _draft_rows(found[0], source=source, by=who, platforms=directory)
        if rows:
            tx.run("referrals/write_drafts", rows=rows)
        return drafted

    return port.write_unit(work)


def draft_for_case(port: GraphPort, case_id: str, *, by: str, platforms: PlatformDirectory | None = None) -> Drafted:
    """Draft one referral per platform of the case's content items not yet removed nor on an open referral."""
    return _draft(port, "referrals/case_candidates", ("case", case_id.strip()), by=by, platforms=platforms)


def draft_for_campaign(port: GraphPort, campaign_id: str, *, by: str,
                       platforms: PlatformDirectory | None = None) -> Drafted:
    """Draft one bulk referral per platform of a campaign's items not yet removed nor on an open referral."""
    return _draft(port, "referrals/campaign_candidates", ("campaign", campaign_id.strip()), by=by,
                  platforms=platforms)


def _state(row: Row) -> ReferralState:
    history = json.loads(row["history"]) if row["history"] else []
    # drafting is not a step of the lifecycle: a referral sent through a platform's portal before it was
    # recorded here may be given the time it was really sent
    last = max((datetime.fromisoformat(step["at"]) for step in history if step["event"] != "drafted"), default=None)
    return ReferralState(
        id=row["id"], status=row["status"], items=tuple(item["key"] for item in row["items"]),
        removed=frozenset(item["key"] for item in row["items"] if item["removed"]), created_at=row["created_at"],
        sent_at=row["sent_at"], acknowledged_at=row["acknowledged_at"], closed_at=row["closed_at"],
        due_by=row["due_by"], last_at=last,
    )


def record_event(port: GraphPort, referral_id: str, event: str, *, by: str, at: datetime | None = None,
                 note: str | None = None, reason: str | None = None, items: Sequence[str] = (),
                 platforms: PlatformDirectory | None = None) -> Row:
    """Record one step of a referral's lifecycle (sent, acknowledged, removed, refused, no_response).

    `at` is when it happened (default now; never in the future nor before the last step). A removal names some
    of the items, or none for all. Returns the step as kept in the history; raises ReferralError when refused.
    """
    directory = platforms or shipped_platforms()
    now = now_utc()
    when = at or now
    if when.tzinfo is None:
        raise ReferralError(f"referral {referral_id}: at: give a time zone, e.g. 2026-11-02T09:30:00Z")

    def work(tx: Tx) -> Row:
        found = tx.run("referrals/referral_state", id=referral_id)
        if not found:
            raise ReferralError(f"no referral {referral_id!r}")
        row = found[0]
        entry = directory.entry_for(row["platform"])
        hours = entry.response_hours if event == "sent" else row["response_hours"]
        step = ReferralEvent(event=event, at=when, by=by, note=note, reason=reason, items=tuple(items))
        try:
            done = apply_event(_state(row), step, response_hours=hours, now=now)
        except ReferralRefused as refusal:
            raise ReferralError(str(refusal)) from None
        history = [*(json.loads(row["history"]) if row["history"] else []), done.record]
        new = done.state
        tx.run("referrals/record_event", id=referral_id, status=new.status, sent_at=new.sent_at,
               sent_by=done.record["by"] if event == "sent" else None, acknowledged_at=new.acknowledged_at,
               closed_at=new.closed_at, due_by=new.due_by, history=json.dumps(history), response_hours=hours,
               contact=entry.contact.describe() if event == "sent" else None,
               refusal_reason=done.record["reason"] if event == "refused" else None,
               removed=list(done.removed_now), at=when, by=done.record["by"], note=done.record["note"])
        return {**done.record, "id": referral_id, "platform": row["platform"],
                "contact": entry.contact.describe() if event == "sent" else None}

    return port.write_unit(work)


def record_removal(port: GraphPort, key: str, *, by: str, note: str, at: datetime | None = None) -> Row:
    """Record that a content item was removed without a referral (found gone, or removed by the platform unasked).

    The removal shows wherever the item does, as a referral's would, and the item is never referred again. An
    item recorded as removed before keeps its first record (`recorded` False). Raises ReferralError naming the
    item and the field: an unknown item, no one recording it, no note, a time without zone or in the future.
    """
    who, why = " ".join(by.split()), " ".join(note.split())
    when = at or now_utc()
    if not who:
        raise ReferralError(f"removal of item {key}: by: say who records it")
    if not why:
        raise ReferralError(f"removal of item {key}: note: say how the removal was found (it is kept with it)")
    if when.tzinfo is None:
        raise ReferralError(f"removal of item {key}: at: give a time zone, e.g. 2026-11-02T09:30:00Z")
    if when > now_utc():
        raise ReferralError(f"removal of item {key}: at: {when.isoformat()} is in the future")
    found = port.write("referrals/record_removal", key=key.strip(), at=when, by=who, note=why)
    if not found:
        raise ReferralError(f"no content item {key!r}")
    return found[0]
