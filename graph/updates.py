"""Complainant updates: find every report's key events, put each on a Victims' Code clock, list them.

`refresh` is idempotent: one ComplainantUpdate per (report, event, event key), its id derived from the three,
so a rerun writes nothing new. Each report in a combined case gets its own updates, for its own complainant.
The clock is `domain.victims_code`; who may be contacted and how is `domain.update_messages.contact_route`.
Sending is `graph/update_sending.py`.
"""

from __future__ import annotations

import csv
import hashlib
import json
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime, timezone
from functools import lru_cache
from pathlib import Path
from typing import Any

from domain.results import read_stored
from domain.update_messages import ContactWishes, contact_route, no_further_action_reason
from domain.victims_code import (
    UK, BankHolidays, VictimFacts, VictimsCodePolicy, bank_holidays_from_rows, due_by, enhanced_reason,
    load_victims_code_policy,
)
from graph.policies import POLICY_DIR
from graph.port import GraphError, GraphPort, Row
from graph.reference import REFERENCE_DIR

POLICY_FILE = "victims_code.yaml"
HOLIDAYS_FILE = "bank_holidays_england_wales.csv"
STATUSES = ("due", "sent", "not_contactable", "withdrawn")
WITHDRAWN = "the event no longer holds (the report left the case, or the case was reassessed or reassigned)"


class UpdateError(GraphError):
    """Updates cannot be listed or sent as asked; the message says why."""


@dataclass(frozen=True)
class Clock:
    """The Victims' Code policy and the bank holidays that updates are timed by."""

    policy: VictimsCodePolicy
    holidays: BankHolidays


def load_bank_holidays(path: Path = REFERENCE_DIR / HOLIDAYS_FILE) -> BankHolidays:
    """Return the bank holidays in the reference file; ValueError naming the file and row of any fault."""
    with path.open(encoding="utf-8", newline="") as handle:
        return bank_holidays_from_rows(csv.DictReader(handle), source=str(path))


@lru_cache(maxsize=1)
def shipped_clock() -> Clock:
    """Return the shipped policy and bank holidays, read once on first use; PolicyError names a fault."""
    return Clock(load_victims_code_policy(POLICY_DIR / POLICY_FILE), load_bank_holidays())


def update_id(report: str, event: str, key: str) -> str:
    """Return the stable id of the update about one event of one report."""
    digest = hashlib.sha256("\x1f".join((report, event, key)).encode()).hexdigest()[:24]
    return f"update:{digest}"


def uk_date(moment: datetime | None) -> str | None:
    """Return a moment's UK date as a complainant reads it (1 October 2026), None for none."""
    if moment is None:
        return None
    day = moment.astimezone(UK)
    return f"{day.day} {day:%B %Y}"


PLATFORM_NAMES = {"x": "X (Twitter)", "facebook": "Facebook", "instagram": "Instagram", "tiktok": "TikTok",
                  "youtube": "YouTube", "reddit": "Reddit", "telegram": "Telegram", "discord": "Discord",
                  "snapchat": "Snapchat", "whatsapp": "WhatsApp"}


def _event_facts(event: Row, report: Row, event_at: datetime) -> tuple[str, dict[str, Any]]:
    """Return the event key as stored and the facts of the update's words (no contact details)."""
    details, key = event["details"] or {}, event["key"]
    facts: dict[str, Any] = {"reference": report["reference"], "received_on": uk_date(report["received_at"]),
                             "event_on": uk_date(event_at), "case": event["case"]}
    if "reports_in_case" in details:
        facts["reports_in_case"] = details["reports_in_case"]
    if details.get("force"):
        facts["force"] = details["force"]
    if details.get("platform"):
        facts["platform"] = PLATFORM_NAMES.get(details["platform"], details["platform"])
    if event["event"] == "no_further_action":
        rule = None
        stored = read_stored(details.get("assessment_json"))
        if stored:
            rule = stored.get("classification_rule")
        key = f"{details['classification']}:{rule or 'unknown'}"
        facts["reason"] = no_further_action_reason(details["classification"], rule)
    return key, facts


def _complainant(row: Row) -> tuple[str | None, str | None, VictimFacts]:
    channel, why_not = contact_route(ContactWishes(
        anonymous=bool(row["anonymous"]), consent=bool(row["consent"]), preferred=row["preferred"],
        has_email=row["has_email"], has_phone=row["has_phone"], has_postcode=row["has_postcode"]))
    victim = VictimFacts(vulnerable=row["vulnerable"], under_18=row["under_18"], repeat_victim=row["repeat_victim"],
                         priority=row["priority"], indicators=frozenset(row["indicators"]))
    return channel, why_not, victim


@dataclass(frozen=True)
class RefreshResult:
    """What a refresh found: updates by status after it, how many were new, and how many were withdrawn."""

    statuses: dict[str, int]
    new: int
    withdrawn: int
    written: int = 0  # updates written or rewritten (new, or their due time, status or words changed)


# What a refresh compares with the stored update before writing it again (a sent one keeps all but its case).
_FOLLOWS_REFRESH = ("status", "due_by", "enhanced", "enhanced_reason", "working_days", "channel",
                    "not_contactable_reason", "facts_json")


def _unchanged(row: Row, stored: Row | None) -> bool:
    if stored is None or stored["status"] == "withdrawn" or stored["case"] != row["case"]:
        return False
    return stored["status"] == "sent" or all(stored[name] == row[name] for name in _FOLLOWS_REFRESH)


def refresh(port: GraphPort, now: datetime | None = None, *, clock: Clock | None = None,
            cases: Sequence[str] | None = None) -> RefreshResult:
    """Find the key events of every report (or of the reports in `cases`) and write one update per event.

    An event's time is fixed when its update is first written: the time the graph records for it, or `now`
    when it records none. Until an update is sent, its due time, status and reasons follow the latest refresh;
    an unsent update whose event no longer holds is withdrawn. Only what changed is written: a rerun writes
    nothing. Returns the counts by status (over all updates), the new, the withdrawn and the rewritten.
    """
    now = (now or datetime.now(timezone.utc)).astimezone(timezone.utc)
    clock = clock or shipped_clock()
    reports = None if cases is None else [row["id"] for row in port.read("updates/reports_of_cases", cases=list(cases))]
    complainants = {row["report"]: row for row in port.read("updates/complainants", reports=reports)}
    existing = {row["id"]: row for row in port.read("updates/existing", reports=reports)}
    rows = []
    for event in port.read("updates/key_events", reports=reports):
        report = complainants[event["report"]]
        first_at = (event["at"] or now).astimezone(timezone.utc)
        key, facts = _event_facts(event, report, first_at)
        identifier = update_id(event["report"], event["event"], key)
        event_at = existing[identifier]["event_at"] if identifier in existing else first_at
        facts["event_on"] = uk_date(event_at)
        channel, why_not, victim = _complainant(report)
        reason = enhanced_reason(victim, clock.policy)
        rows.append({
            "id": identifier, "report": event["report"], "case": event["case"], "event": event["event"], "key": key,
            "event_at": event_at, "facts_json": json.dumps(facts, ensure_ascii=False, sort_keys=True),
            "due_by": due_by(event_at, enhanced=reason is not None, holidays=clock.holidays, policy=clock.policy),
            "enhanced": reason is not None, "enhanced_reason": reason,
            "working_days": clock.policy.working_days(reason is not None),
            "status": "due" if channel else "not_contactable", "channel": channel, "not_contactable_reason": why_not,
        })
    changed = [row for row in rows if not _unchanged(row, existing.get(row["id"]))]
    port.write_batches("updates/write_updates", changed, batch_size=port.settings.batch_size, now=now)
    current = {row["id"] for row in rows}
    gone = [i for i, row in existing.items() if i not in current and row["status"] not in ("sent", "withdrawn")]
    withdrawn = port.write("updates/withdraw", ids=gone, reason=WITHDRAWN, now=now)[0]["withdrawn"] if gone else 0
    statuses = {row["status"]: row["count"] for row in port.read("updates/statuses")}
    return RefreshResult(statuses, len(current - set(existing)), withdrawn, len(changed))


def list_updates(port: GraphPort, *, scope: Mapping[str, Any], now: datetime | None = None, case: str | None = None,
                 status: str | None = None, overdue: bool = False, contacts: bool = False,
                 after: Mapping[str, Any] | None = None, limit: int = 100) -> list[Row]:
    """Return a page of updates the scope reaches, due ones first (the overdue lead), each with its facts."""
    if status is not None and status not in STATUSES:
        raise UpdateError(f"status is one of {', '.join(STATUSES)}, not {status!r}")
    rows = port.read("updates/updates", scope=dict(scope), now=(now or datetime.now(timezone.utc)),
                     case=case or None, status=status, overdue=overdue, contacts=contacts,
                     after=dict(after) if after else None, limit=limit)
    for row in rows:
        row["facts"] = json.loads(row.pop("facts_json") or "{}")
    return rows


def outbox(port: GraphPort, *, scope: Mapping[str, Any], after: Mapping[str, Any] | None = None,
           limit: int = 50) -> list[Row]:
    """Return a page of the outbox, newest first: the messages the outbox sender wrote (none for a force's scope)."""
    return port.read("updates/outbox", scope=dict(scope), after=dict(after) if after else None, limit=limit)
