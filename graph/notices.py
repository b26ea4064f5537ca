"""Assignment notices: written when a case's owning force is set or changes, listed, exported, marked sent.

A notice is written in the transaction that changes the owner (graph/jurisdiction.py calls `write_notices_in`),
addressed to the force's hate crime lead as the directory (policies/hate_crime_leads.yaml) gave it then.
Its words are built when it is read, from the case as it stands (domain/notices.py).
"""

from __future__ import annotations

import uuid
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

from domain.leads import LeadsDirectory, load_leads_directory
from domain.notices import NoticeFacts, notice_subject, notice_text
from graph.guidance import guidance_for_cases
from graph.policies import LEADS_FILE, POLICY_DIR
from graph.port import GraphError, GraphPort, Row, Tx
from graph.reference import REFERENCE_DIR, force_rows


STATUSES = ("pending", "sent")


class NoticeError(GraphError):
    """A notice cannot be marked as asked; the message says why."""


@dataclass(frozen=True)
class NoticeOccasion:
    """Who changed the owner and why, when it was not the rules alone: `kind` 'reassignment' or 'undo'."""

    kind: str
    by: str
    reason: str


@dataclass(frozen=True)
class OwnerChange:
    """A case's owning force set for the first time (`previous` None) or changed, and why."""

    case_id: str
    force: str
    previous: str | None
    explanation: str
    occasion: NoticeOccasion | None = None


def load_leads(policy_dir: Path = POLICY_DIR, reference_dir: Path = REFERENCE_DIR) -> LeadsDirectory:
    """Return the leads directory checked against the reference force areas; raises PolicyError naming the fault."""
    names = {row["code"]: row["name"] for row in force_rows(reference_dir)}
    return load_leads_directory(policy_dir / LEADS_FILE, force_names=names)


@lru_cache(maxsize=1)
def shipped_leads() -> LeadsDirectory:
    """Return the shipped directory, read once on first use (for callers that were not handed one)."""
    return load_leads()


def _notice_row(change: OwnerChange, leads: LeadsDirectory) -> Row:
    contact = leads.contact_for(change.force)
    occasion = change.occasion or NoticeOccasion("rules", "rules", change.explanation)
    return {
        "id": f"notice:{uuid.uuid4()}", "case": change.case_id, "force": change.force, "previous": change.previous,
        "kind": occasion.kind, "by": occasion.by, "reason": occasion.reason, "explanation": change.explanation,
        "to_name": contact.name, "to_email": contact.email, "to_phone": contact.phone,
    }


def write_notices_in(tx: Tx, changes: Iterable[OwnerChange], *, leads: LeadsDirectory) -> list[str]:
    """Write one pending notice per change of owner inside `tx`; return the new notices' ids."""
    rows = [_notice_row(change, leads) for change in changes if change.force != change.previous]
    if not rows:
        return []
    return [row["id"] for row in tx.run("notices/write_notices", rows=rows)]


def facts_of(row: Row, *, hub_code: str = "HUB", advice: Sequence[str] = ()) -> NoticeFacts:
    """Return the plain values a notice's words are built from, given a row of `notices/notices`."""
    return NoticeFacts(
        case_id=row["case"], force=row["force"], force_name=row["force_name"] or row["force"],
        previous=row["previous"], previous_name=row["previous_name"], kind=row["kind"], by=row["by"],
        reason=row["reason"], explanation=row["explanation"], lead_name=row["to"]["name"],
        reports=row["reports"], investigating=row["investigating"], investigating_name=row["investigating_name"],
        classification=row["classification"], priority=row["priority"], charge_by=row["charge_by"],
        hub_code=hub_code, advice=tuple(advice),
    )


def list_notices(port: GraphPort, *, force: str | None = None, status: str | None = None) -> list[Row]:
    """Return the notices (oldest first), optionally for one force code (or HUB) or in one status."""
    return port.read("notices/notices", force=force.strip().upper() if force else None, status=status)


def export_lines(port: GraphPort, *, force: str | None = None, status: str | None = None) -> list[dict[str, Any]]:
    """Return one export line per notice: the notice as stored, with its subject, text and advice as the lead reads them.

    `advice` lists the guidance matching the case as it stands (graph/guidance.py), best first, which the text
    names too.
    """
    rows = list_notices(port, force=force, status=status)
    guidance = guidance_for_cases(port, [row["case"] for row in rows])
    lines = []
    for row in rows:
        advice = guidance.get(row["case"], [])
        facts = facts_of(row, advice=[document.title for document in advice])
        lines.append({
            "id": row["id"], "case": row["case"], "force": row["force"], "previous": row["previous"],
            "kind": row["kind"], "by": row["by"], "reason": row["reason"], "to": row["to"],
            "at": row["at"].isoformat(), "status": row["status"],
            "sent_at": row["sent_at"].isoformat() if row["sent_at"] else None, "sent_by": row["sent_by"],
            "subject": notice_subject(facts), "text": notice_text(facts),
            "advice": [{"key": document.key, "title": document.title, "version": document.version}
                       for document in advice],
        })
    return lines


def mark_sent(port: GraphPort, notice_ids: Sequence[str], *, by: str) -> tuple[list[Row], list[str]]:
    """Mark notices as sent by `by`; return the notices found (`already` when sent before) and the unknown ids."""
    if not by.strip():
        raise NoticeError("marking a notice sent needs who sent it (--by)")
    found = port.write("notices/mark_sent", ids=list(notice_ids), by=by.strip())
    known = {row["id"] for row in found}
    return found, [notice_id for notice_id in notice_ids if notice_id not in known]
