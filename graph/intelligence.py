"""Intelligence reports for the National Intelligence Model: drafted from the graph, graded by an analyst, exported.

`draft` builds a report about a resolved subject (a person), an account or a campaign and records the grading the
evidence suggests; `grade` records the analyst's 3x5x2 grading as a new version (the earlier ones kept);
`export` (graph/intelligence_export.py) writes graded reports out as JSON Lines or CSV with a Disclosure record.
Intelligence is the hub's own: every read takes `$scope` and a force-scoped caller reaches none of it.
"""

from __future__ import annotations

import json
import uuid
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from domain.access import HUB_SCOPE
from domain.nim import GradingError, suggest_grading, validate_grading
from graph.intelligence_content import KINDS, build_content, evidence_of, sanitised_content
from graph.port import GraphError, GraphPort, Row

SUBJECT_QUERIES = {"person": "intelligence/subject_person", "account": "intelligence/subject_account",
                   "campaign": "intelligence/subject_campaign"}
MAX_REASON = 500


class IntelligenceError(GraphError):
    """An intelligence report cannot be drafted, graded or exported as asked; the message says why."""


@dataclass(frozen=True)
class Drafted:
    """A new draft: its id, subject, summary and the grading the evidence suggests (with the reason)."""

    id: str
    subject_kind: str
    subject_id: str
    summary: str
    suggested_source: str
    suggested_assessment: str
    suggestion_reason: str
    drafted_at: datetime


@dataclass(frozen=True)
class Graded:
    """A recorded grading: the report, its version, the code (`2/B/C`), any flags, and the suggestion beside it."""

    id: str
    version: int
    code: str
    conditions: str | None
    flags: tuple[str, ...]
    suggested: str
    at: datetime


def _who(by: str, what: str) -> str:
    who = " ".join((by or "").split())
    if not who:
        raise IntelligenceError(f"{what} needs who does it (by)")
    return who


def _reason(reason: str) -> str:
    text = " ".join((reason or "").split())
    if not text:
        raise IntelligenceError("reason: say why the report is graded so; it is recorded with the grading")
    if len(text) > MAX_REASON:
        raise IntelligenceError(f"reason: longer than {MAX_REASON} characters")
    return text


def draft(port: GraphPort, subject_kind: str, subject_id: str, *, by: str,
          scope: dict[str, Any] | None = None) -> Drafted:
    """Build an intelligence report about a person (a resolved subject), an account or a campaign from the graph,
    write it as a draft ABOUT its subject with the grading the evidence suggests, and return it."""
    kind = (subject_kind or "").strip().lower()
    if kind not in KINDS:
        raise IntelligenceError(f"subject kind: {subject_kind!r} is not one of {', '.join(KINDS)}")
    who, reach = _who(by, "drafting intelligence"), scope or HUB_SCOPE
    found = port.read(SUBJECT_QUERIES[kind], id=subject_id, scope=reach)
    if not found:
        extra = " (a person must be a resolved subject, subject:...)" if kind == "person" else ""
        raise IntelligenceError(f"no {kind} {subject_id!r} to write intelligence about{extra}")
    subject = found[0]
    report_ids = subject["reports"]
    accounts = [account["id"] for account in subject["accounts"]]
    reports = port.read("intelligence/report_details", ids=report_ids)
    campaigns = [] if kind == "campaign" else port.read("intelligence/campaigns_of_accounts", ids=accounts)
    people = port.read("intelligence/protected_people", ids=report_ids)
    [weights] = port.read("intelligence/grading_evidence", ids=report_ids, accounts=accounts)
    evidence = evidence_of(kind, subject, weights)
    content = build_content(kind, subject, reports, campaigns, people, evidence)
    suggestion = suggest_grading(evidence)
    new_id = f"intel:{uuid.uuid4()}"
    written = port.write(
        "intelligence/write_report", id=new_id, kind=kind, subject=subject_id, by=who, summary=content["summary"],
        content=json.dumps(content, ensure_ascii=False, sort_keys=True), suggested_source=suggestion.source.value,
        suggested_assessment=suggestion.assessment.value, suggestion_reason=suggestion.reason,
    )
    if not written:
        raise IntelligenceError(f"no {kind} {subject_id!r} to write intelligence about")
    return Drafted(new_id, kind, subject_id, content["summary"], suggestion.source.value,
                   suggestion.assessment.value, suggestion.reason, written[0]["drafted_at"])


def grade(port: GraphPort, report_id: str, *, source: object, assessment: object, handling: object,
          conditions: str | None, by: str, reason: str) -> Graded:
    """Record an analyst's 3x5x2 grading of a report as its next version (earlier ones kept); return it.

    Raises IntelligenceError naming the field when the grading breaks the rules (C without conditions, P with
    them, a grade that does not exist) or the report does not exist.
    """
    who, why = _who(by, "grading intelligence"), _reason(reason)
    try:
        grading = validate_grading(source, assessment, handling, conditions)
    except GradingError as fault:
        raise IntelligenceError(f"intelligence report {report_id}: {fault}") from None
    written = port.write(
        "intelligence/write_grading", id=report_id, source=grading.source.value,
        assessment=grading.assessment.value, handling=grading.handling.value, conditions=grading.conditions,
        flags=list(grading.flags), by=who, reason=why,
    )
    if not written:
        raise IntelligenceError(f"no intelligence report {report_id!r}")
    [current] = reports_by_id(port, [report_id])
    suggested = f"{current['suggested_source']}/{current['suggested_assessment']}"
    return Graded(report_id, written[0]["version"], grading.code, grading.conditions, grading.flags, suggested,
                  written[0]["at"])


def list_reports(port: GraphPort, *, scope: dict[str, Any] | None = None, subject_kind: str | None = None,
                 graded: bool | None = None, after: dict[str, Any] | None = None, limit: int = 100) -> list[Row]:
    """Return one page of report ids (latest drafted first) with their sort values, for paging."""
    if subject_kind is not None and subject_kind not in KINDS:
        raise IntelligenceError(f"subject kind: {subject_kind!r} is not one of {', '.join(KINDS)}")
    return port.read("intelligence/reports", scope=scope or HUB_SCOPE, kind=subject_kind, graded=graded,
                     after=after, limit=limit)


def reports_by_id(port: GraphPort, ids: Sequence[str], *, scope: dict[str, Any] | None = None,
                  sanitised: bool = False) -> list[Row]:
    """Return the reports with these ids, in that order (unknown ones left out), each with its `content` parsed;
    with `sanitised`, the content has every victim's and complainant's details replaced by their labels."""
    rows = {row["id"]: row for row in port.read("intelligence/reports_by_id", ids=list(ids), scope=scope or HUB_SCOPE)}
    found = []
    for report_id in ids:
        row = rows.get(report_id)
        if row is None:
            continue
        content = json.loads(row.pop("content_json") or "{}")
        row["content"] = sanitised_content(content) if sanitised else content
        found.append(row)
    return found


def disclosures(port: GraphPort, *, scope: dict[str, Any] | None = None, after: dict[str, Any] | None = None,
                limit: int = 100) -> list[Row]:
    """Return one page of disclosures of intelligence, latest first: to whom, by whom, which reports, the hash."""
    return port.read("intelligence/disclosures", scope=scope or HUB_SCOPE, after=after, limit=limit)
