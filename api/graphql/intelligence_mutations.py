"""Changing and exporting intelligence: draft a report, grade it 3x5x2, export graded reports to a recipient.

Each needs the EXPORT_INTELLIGENCE right and a justification; an export with victims' data also needs
DISCLOSE_VICTIM_DATA, and even then carries them only for reports whose handling code allows it (P). A draft is
audited as a combination, a grading as an alteration, an export as a disclosure naming its recipient (written in
the export's own transaction).
"""

from __future__ import annotations

from typing import Annotated

import strawberry
from strawberry.types import Info

from api.graphql.context import Context
from api.graphql.extensions import ShownError
from api.graphql.intelligence_queries import reports_shown
from api.graphql.intelligence_types import IntelligenceExport, IntelligenceReport, disclosure_of
from api.graphql.mutations import Justification, Why, _attempt, _log
from domain.access import Right
from graph import intelligence
from graph.audit import AuditEvent, Operation
from graph.intelligence_export import export

Recipient = Annotated[str, strawberry.argument(description="Who receives the export (recorded and audited).")]


async def _attempt_intelligence(info: Info[Context, None], work, /, *args, **kwargs):  # type: ignore[no-untyped-def]
    try:
        return await _attempt(info, work, *args, **kwargs)
    except intelligence.IntelligenceError as refusal:
        raise ShownError(str(refusal)) from None


async def _shown(info: Info[Context, None], report_id: str) -> IntelligenceReport:
    [report] = await reports_shown(info, [report_id])
    return report


@strawberry.type
class IntelligenceMutation:
    """Intelligence for the National Intelligence Model."""

    @strawberry.mutation(description="Draft an intelligence report about a person (a resolved subject), an account "
                                     "or a campaign from the graph, with the grading the evidence suggests.")
    async def draft_intelligence_report(self, info: Info[Context, None], subject_kind: str, subject_id: str,
                                        justification: Justification = None) -> IntelligenceReport:
        context = info.context
        why = context.require_personal_data(Right.EXPORT_INTELLIGENCE, justification)
        drafted = await _attempt_intelligence(info, intelligence.draft, context.port, subject_kind, subject_id,
                                              by=context.principal.user, scope=context.scope)
        await _log(info, Operation.COMBINATION, [drafted.id, subject_id], why,
                   details=f"drafted about {drafted.subject_kind} {subject_id}")
        return await _shown(info, drafted.id)

    @strawberry.mutation(description="Grade a report 3x5x2: source 1-3, assessment A-E, handling P or C (C needs "
                                     "its conditions). Each grading is kept; the suggestion is recorded beside it.")
    async def grade_intelligence_report(self, info: Info[Context, None], id: strawberry.ID, source: str,
                                        assessment: str, handling: str, reason: Why, conditions: str | None = None,
                                        justification: Justification = None) -> IntelligenceReport:
        context = info.context
        why = context.require_personal_data(Right.EXPORT_INTELLIGENCE, justification)
        graded = await _attempt_intelligence(info, intelligence.grade, context.port, str(id), source=source,
                                             assessment=assessment, handling=handling, conditions=conditions,
                                             by=context.principal.user, reason=reason)
        await _log(info, Operation.ALTERATION, [str(id)], why, details=f"graded {graded.code}: {reason}")
        return await _shown(info, str(id))

    @strawberry.mutation(description="Export graded reports (these ids, else every graded one) as jsonl or csv to a "
                                     "recipient. With victims' data only for a caller who may disclose it, and only "
                                     "in reports with handling code P; the others are sanitised and say so.")
    async def export_intelligence(self, info: Info[Context, None], recipient: Recipient,
                                  ids: list[strawberry.ID] | None = None, format: str = "jsonl",
                                  with_victim_data: bool = False, subject_kind: str | None = None,
                                  justification: Justification = None) -> IntelligenceExport:
        context = info.context
        why = context.require_personal_data(Right.EXPORT_INTELLIGENCE, justification)
        if with_victim_data:
            context.require(Right.DISCLOSE_VICTIM_DATA)
        principal = context.principal

        def audited(node_ids: list[str]) -> AuditEvent:
            return AuditEvent.by(principal, Operation.DISCLOSURE, f"graphql mutation {info.field_name}",
                                 node_ids=tuple(node_ids), justification=why, recipient=" ".join(recipient.split()),
                                 details=f"{format}, victims' data {'asked for' if with_victim_data else 'withheld'}")

        done = await _attempt_intelligence(
            info, export, context.port, ids=[str(i) for i in ids] if ids else None, subject_kind=subject_kind,
            fmt=format, recipient=recipient, with_victim_data=with_victim_data,
            may_disclose_victim_data=principal.can(Right.DISCLOSE_VICTIM_DATA), by=principal.user,
            justification=why, audited=audited,
        )
        record = {"id": done.disclosure_id, "recipient": done.recipient, "by": principal.user, "at": done.at,
                  "reports": done.reports, "with_victim_data": with_victim_data,
                  "victim_data_reports": done.with_victim_data, "sanitised_reports": done.sanitised,
                  "format": done.format, "sha256": done.sha256, "bytes": len(done.content.encode("utf-8")),
                  "justification": why}
        words = (f"{len(done.reports)} report(s) exported to {done.recipient} as {done.format} (disclosure "
                 f"{done.disclosure_id}); with victims' data: {len(done.with_victim_data)}, sanitised: "
                 f"{len(done.sanitised)}")
        return IntelligenceExport(content=done.content, disclosure=disclosure_of(record), message=words)
