"""Exporting graded intelligence for the national database: JSON Lines or CSV, with a Disclosure record.

Only graded reports go out. Each record says whether it carries victims' data: it does only when the export asked
for it, the caller may disclose it (the DISCLOSE_VICTIM_DATA right, checked by the caller of `export`) and the
report's handling code allows it (`domain.nim.victim_data_refusal`: P only); otherwise the record is sanitised and
says why. The Disclosure node, its DISCLOSED links and the audit entry (a disclosure naming the recipient) are
written in one transaction with the file's SHA-256, so no export leaves unrecorded.
"""

from __future__ import annotations

import csv
import hashlib
import io
import json
import uuid
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from domain.nim import HandlingCode, IntelligenceAssessment, SourceEvaluation, victim_data_refusal
from graph.audit import AuditEvent, append_in
from graph.intelligence import HUB_SCOPE, IntelligenceError, list_reports, reports_by_id
from graph.intelligence_content import plain, sanitised_content
from graph.port import GraphPort, Row

FORMATS = ("jsonl", "csv")
MAX_RECIPIENT = 200
MAX_EXPORT = 5000
CSV_COLUMNS = (
    "disclosure", "recipient", "id", "subject_kind", "subject_id", "grading", "source", "source_meaning",
    "assessment", "assessment_meaning", "handling", "handling_meaning", "conditions", "flags", "graded_by",
    "graded_at", "grade_reason", "suggested_grading", "suggestion_reason", "drafted_by", "drafted_at", "victim_data",
    "summary", "content_json",
)


@dataclass(frozen=True)
class Exported:
    """An export made: the file's text, its hash, the Disclosure recorded, and which reports carried victims' data."""

    disclosure_id: str
    at: datetime
    recipient: str
    format: str
    content: str
    sha256: str
    reports: tuple[str, ...]
    with_victim_data: tuple[str, ...]  # reports whose record carries victims' data
    sanitised: tuple[str, ...]  # reports whose record was sanitised


def _graded(port: GraphPort, ids: Sequence[str] | None, subject_kind: str | None) -> list[Row]:
    if ids:
        wanted = list(dict.fromkeys(i.strip() for i in ids if i.strip()))
        rows = reports_by_id(port, wanted)
        missing = sorted(set(wanted) - {row["id"] for row in rows})
        if missing:
            raise IntelligenceError(f"no intelligence report {', '.join(missing)}")
        ungraded = [row["id"] for row in rows if row["status"] != "graded"]
        if ungraded:
            raise IntelligenceError(f"intelligence report {', '.join(ungraded)} is not graded: "
                                    "only graded reports are exported")
        return rows
    page = list_reports(port, subject_kind=subject_kind, graded=True, limit=MAX_EXPORT)
    rows = reports_by_id(port, [row["id"] for row in page])
    if not rows:
        raise IntelligenceError("there are no graded intelligence reports to export")
    return rows


def _record(row: Row, *, disclosure: str, recipient: str, include: bool, withheld: str | None) -> dict[str, Any]:
    content = row["content"] if include else sanitised_content(row["content"])
    source, assessment = SourceEvaluation(row["source"]), IntelligenceAssessment(row["assessment"])
    handling = HandlingCode(row["handling"])
    return plain({
        "disclosure": disclosure, "recipient": recipient, "id": row["id"],
        "subject": {"kind": row["subject_kind"], "id": row["subject_id"]},
        "grading": {
            "code": f"{source.value}/{assessment.value}/{handling.value}",
            "source": {"value": source.value, "meaning": source.meaning},
            "assessment": {"value": assessment.value, "meaning": assessment.meaning},
            "handling": {"value": handling.value, "meaning": handling.meaning},
            "conditions": row["conditions"], "flags": row["flags"], "by": row["graded_by"], "at": row["graded_at"],
            "reason": row["grade_reason"],
            "suggested": {"code": f"{row['suggested_source']}/{row['suggested_assessment']}",
                          "reason": row["suggestion_reason"]},
        },
        "drafted": {"by": row["drafted_by"], "at": row["drafted_at"]},
        "victim_data": "included" if include else f"withheld: {withheld}",
        "summary": content.get("summary"),
        "content": content,
    })


def _csv_row(record: dict[str, Any]) -> list[Any]:
    grading = record["grading"]
    return [
        record["disclosure"], record["recipient"], record["id"], record["subject"]["kind"], record["subject"]["id"],
        grading["code"], grading["source"]["value"], grading["source"]["meaning"], grading["assessment"]["value"],
        grading["assessment"]["meaning"], grading["handling"]["value"], grading["handling"]["meaning"],
        grading["conditions"] or "", "; ".join(grading["flags"] or []), grading["by"], grading["at"], grading["reason"],
        grading["suggested"]["code"], grading["suggested"]["reason"], record["drafted"]["by"], record["drafted"]["at"],
        record["victim_data"], record["summary"] or "",
        json.dumps(record["content"], ensure_ascii=False, sort_keys=True),
    ]


def render(records: Sequence[dict[str, Any]], fmt: str) -> str:
    """Return the file's text: one JSON object a line, or CSV with the header `CSV_COLUMNS` (docs/outputs.md)."""
    if fmt == "jsonl":
        return "".join(json.dumps(record, ensure_ascii=False, sort_keys=True) + "\n" for record in records)
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(CSV_COLUMNS)
    writer.writerows(_csv_row(record) for record in records)
    return buffer.getvalue()


def export(port: GraphPort, *, ids: Sequence[str] | None = None, subject_kind: str | None = None, fmt: str,
           recipient: str, with_victim_data: bool, may_disclose_victim_data: bool, by: str,
           justification: str | None, audited: Callable[[list[str]], AuditEvent]) -> Exported:
    """Export graded reports (these `ids`, else every graded one, optionally of one subject kind) to `recipient`.

    Raises IntelligenceError when the format, recipient or caller is missing, a report is unknown or ungraded, or
    victims' data is asked for by a caller who may not disclose it. `audited(node_ids)` builds the disclosure's
    audit entry, written in the same transaction as the Disclosure.
    """
    if fmt not in FORMATS:
        raise IntelligenceError(f"format: {fmt!r} is not one of {', '.join(FORMATS)}")
    to = " ".join((recipient or "").split())
    if not to:
        raise IntelligenceError("recipient: say to whom the intelligence is disclosed; it is recorded")
    if len(to) > MAX_RECIPIENT:
        raise IntelligenceError(f"recipient: longer than {MAX_RECIPIENT} characters")
    who = " ".join((by or "").split())
    if not who:
        raise IntelligenceError("exporting intelligence needs who does it (by)")
    if with_victim_data and not may_disclose_victim_data:
        raise IntelligenceError("victims' data: this caller has no right to disclose victims' personal data; "
                                "export without it (sanitised) or ask a hub lead")
    rows = _graded(port, ids, subject_kind)
    disclosure = f"disclosure:{uuid.uuid4()}"
    records, included, sanitised = [], [], []
    for row in rows:
        refusal = victim_data_refusal(row["handling"], row["conditions"]) if with_victim_data else "not asked for"
        include = refusal is None
        (included if include else sanitised).append(row["id"])
        records.append(_record(row, disclosure=disclosure, recipient=to, include=include, withheld=refusal))
    text = render(records, fmt)
    digest = hashlib.sha256(text.encode("utf-8")).hexdigest()
    report_ids = [row["id"] for row in rows]

    def work(tx):  # type: ignore[no-untyped-def]
        written = tx.run("intelligence/write_disclosure", id=disclosure, recipient=to, by=who, reports=report_ids,
                         with_victim_data=with_victim_data, included=included, sanitised=sanitised, format=fmt,
                         sha256=digest, bytes=len(text.encode("utf-8")), justification=justification)
        append_in(tx, [audited([disclosure, *report_ids])])
        return written[0]

    written = port.write_unit(work)
    return Exported(disclosure, written["at"], to, fmt, text, digest, tuple(report_ids), tuple(included),
                    tuple(sanitised))


__all__ = ["CSV_COLUMNS", "Exported", "FORMATS", "HUB_SCOPE", "export", "render"]
