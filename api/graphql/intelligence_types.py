"""GraphQL types of intelligence for the National Intelligence Model: reports, their gradings, disclosures."""

from __future__ import annotations

from datetime import datetime
from typing import Any

import strawberry
from strawberry.scalars import JSON

from domain.nim import HandlingCode, IntelligenceAssessment, SourceEvaluation


@strawberry.type(description="One 3x5x2 grading of an intelligence report, with the suggestion it was made beside.")
class IntelligenceGrading:
    version: int
    code: str = strawberry.field(description="As written: source/assessment/handling, e.g. 2/B/C.")
    source: str
    source_meaning: str
    assessment: str
    assessment_meaning: str
    handling: str
    handling_meaning: str
    conditions: str | None = strawberry.field(description="The conditions of sharing (handling code C): they travel with it.")
    flags: list[str]
    by: str
    at: datetime
    reason: str
    suggested_source: str | None
    suggested_assessment: str | None
    suggestion_reason: str | None


@strawberry.type(description="An intelligence report about a subject, an account or a campaign. Its content is "
                             "always shown sanitised: victims and complainants appear only as labels.")
class IntelligenceReport:
    id: strawberry.ID
    subject_kind: str
    subject_id: str
    status: str = strawberry.field(description="draft (not yet graded) or graded.")
    summary: str | None
    content: JSON = strawberry.field(description="The report's content, sanitised of victims' and complainants' details.")
    drafted_by: str
    drafted_at: datetime
    suggested_source: str | None
    suggested_assessment: str | None
    suggestion_reason: str | None
    grading: IntelligenceGrading | None = strawberry.field(description="The current grading; null for a draft.")
    history: list[IntelligenceGrading] = strawberry.field(description="Every grading, oldest first.")
    disclosure_ids: list[str]


@strawberry.type(description="A disclosure of intelligence: to whom, by whom, when, which reports, and the file's hash.")
class Disclosure:
    id: strawberry.ID
    recipient: str
    by: str
    at: datetime
    report_ids: list[str]
    with_victim_data: bool = strawberry.field(description="Whether victims' data was asked for.")
    victim_data_report_ids: list[str] = strawberry.field(description="Reports whose records carried victims' data.")
    sanitised_report_ids: list[str]
    format: str
    sha256: str
    bytes: int
    justification: str | None


@strawberry.type(description="An export made: the file's text and the disclosure recorded.")
class IntelligenceExport:
    content: str
    disclosure: Disclosure
    message: str


def _grading(row: dict[str, Any], suggested: dict[str, Any]) -> IntelligenceGrading:
    source, assessment = SourceEvaluation(row["source"]), IntelligenceAssessment(row["assessment"])
    handling = HandlingCode(row["handling"])
    return IntelligenceGrading(
        version=row["version"], code=f"{source.value}/{assessment.value}/{handling.value}", source=source.value,
        source_meaning=source.meaning, assessment=assessment.value, assessment_meaning=assessment.meaning,
        handling=handling.value, handling_meaning=handling.meaning, conditions=row["conditions"],
        flags=list(row.get("flags") or []), by=row["by"], at=row["at"], reason=row["reason"],
        suggested_source=suggested.get("suggested_source"), suggested_assessment=suggested.get("suggested_assessment"),
        suggestion_reason=suggested.get("suggestion_reason"),
    )


def report_of(row: dict[str, Any]) -> IntelligenceReport:
    """Build the GraphQL report from a row of `graph.intelligence.reports_by_id` (its content already sanitised)."""
    history = [_grading(version, version) for version in row["gradings"]]
    return IntelligenceReport(
        id=strawberry.ID(row["id"]), subject_kind=row["subject_kind"], subject_id=row["subject_id"],
        status=row["status"], summary=row["content"].get("summary"), content=row["content"],
        drafted_by=row["drafted_by"], drafted_at=row["drafted_at"], suggested_source=row["suggested_source"],
        suggested_assessment=row["suggested_assessment"], suggestion_reason=row["suggestion_reason"],
        grading=history[-1] if history else None, history=history, disclosure_ids=list(row["disclosures"]),
    )


def disclosure_of(row: dict[str, Any]) -> Disclosure:
    """Build the GraphQL disclosure from a row of `graph.intelligence.disclosures` (or an export's record)."""
    return Disclosure(
        id=strawberry.ID(row["id"]), recipient=row["recipient"], by=row["by"], at=row["at"],
        report_ids=list(row["reports"]), with_victim_data=bool(row["with_victim_data"]),
        victim_data_report_ids=list(row["victim_data_reports"] or []),
        sanitised_report_ids=list(row["sanitised_reports"] or []), format=row["format"], sha256=row["sha256"],
        bytes=row["bytes"], justification=row["justification"],
    )
