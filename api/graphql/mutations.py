"""The root Mutation: changes, each checked against the caller's rights and written to the audit trail.

Every mutation checks its right and the justification (`justification` argument, else the X-Justification
header), runs the graph function that owns the change off the event loop, and on success writes one audit
entry naming the nodes it changed. A refused input comes back as a readable error, never a stack trace.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from datetime import date
from typing import Annotated, Any, TypeVar

import strawberry
from strawberry.scalars import JSON
from strawberry.types import Info

from api.graphql.context import Context
from api.graphql.extensions import ShownError
from api.graphql.mutation_types import (
    AccountSubject,
    AssessmentResult,
    AssignmentResult,
    AttributionDecision,
    DuplicateDecision,
    ReportCase,
    ShareResult,
    SubmitResult,
)
from domain.access import Right
from domain.override_values import OverrideValueError, parse_override_value
from graph import assessment, jurisdiction, sharing
from graph.attribution import decisions as attribution
from graph.audit import AuditEvent, Operation
from graph.dedupe import review as dedupe
from graph.intake import IntakeConflict, Status, ingest
from loaders.validation import ReportInvalid, validate_report

T = TypeVar("T")
Why = Annotated[str, strawberry.argument(description="Why the change is made (recorded with it).")]
Justification = Annotated[
    str | None, strawberry.argument(description="Why personal data is touched (overrides the X-Justification header).")
]
REFUSED = (dedupe.ReviewError, attribution.DecisionError, assessment.AssessmentError, jurisdiction.JurisdictionError,
           sharing.SharingError)


def _allowed(info: Info[Context, None], right: Right, justification: str | None, reason: str) -> str | None:
    """Check the caller's right and justification, and that a reason was given; return the justification."""
    why = info.context.require_personal_data(right, justification)
    if not reason.strip():
        raise ShownError("reason: say why the change is made; it is recorded with it")
    return why


async def _attempt(info: Info[Context, None], work: Callable[..., T], /, *args: Any, **kwargs: Any) -> T:
    """Run a graph change off the event loop, turning its refusal into an error the caller sees."""
    try:
        return await info.context.run(work, *args, **kwargs)
    except REFUSED as refusal:
        raise ShownError(str(refusal)) from None


async def _log(info: Info[Context, None], operation: Operation, node_ids: Iterable[str], justification: str | None,
               *, details: str = "", recipient: str | None = None) -> None:
    await info.context.log(operation, f"graphql mutation {info.field_name}", node_ids, justification=justification,
                           details=details, recipient=recipient)


def override_value(field: str, text: str) -> Any:
    """Return the typed value of an override given as text, as `hub override` reads it, or a shown error."""
    try:
        return parse_override_value(field, text)
    except OverrideValueError as refusal:
        raise ShownError(str(refusal)) from None


def _duplicates(result: dedupe.DecisionResult, done: str) -> DuplicateDecision:
    cases = [ReportCase(report=report, case=case) for report, case in sorted(result.cases.items())]
    case_ids = sorted(set(result.cases.values()))
    return DuplicateDecision(decision_id=result.decision, case_ids=case_ids, cases=cases,
                             message=f"decision {result.decision} {done}; reports now in {', '.join(case_ids)}")


def _attributions(result: attribution.DecisionResult, done: str) -> AttributionDecision:
    subjects = [AccountSubject(account=account, subject=subject) for account, subject in sorted(result.subjects.items())]
    subject_ids = sorted(set(result.subjects.values()))
    where = f"accounts now attributed to {', '.join(subject_ids)}" if subject_ids else "no attribution model yet"
    return AttributionDecision(decision_id=result.decision, subject_ids=subject_ids, subjects=subjects,
                               message=f"decision {result.decision} {done}; {where}")


def _assigned(result: jurisdiction.CaseAssignment, done: str) -> AssignmentResult:
    return AssignmentResult(case_id=result.case_id, owning_force=result.owning_force,
                            investigating_force=result.investigating_force, rule=result.rule,
                            explanation=result.explanation,
                            message=f"case {result.case_id} {done}: owning force {result.owning_force} ({result.rule})")


async def _dedupe(info: Info[Context, None], kind: str, reports: list[str], reason: str,
                  justification: str | None) -> DuplicateDecision:
    why = _allowed(info, Right.REVIEW_DUPLICATES, justification, reason)
    result = await _attempt(info, dedupe.decide, info.context.port, kind=kind, reports=reports,
                            by=info.context.principal.user, reason=reason)
    operation = Operation.COMBINATION if kind == "confirm" else Operation.ALTERATION
    await _log(info, operation, [result.decision, *result.cases, *result.cases.values()], why, details=reason)
    return _duplicates(result, "recorded")


async def _attribute(info: Info[Context, None], kind: str, accounts: list[str], reason: str,
                     justification: str | None) -> AttributionDecision:
    why = _allowed(info, Right.REVIEW_ATTRIBUTIONS, justification, reason)
    result = await _attempt(info, attribution.decide, info.context.port, kind=kind, accounts=accounts,
                            by=info.context.principal.user, reason=reason)
    operation = Operation.COMBINATION if kind == "confirm" else Operation.ALTERATION
    await _log(info, operation, [result.decision, *accounts, *result.subjects.values()], why, details=reason)
    return _attributions(result, "recorded")


@strawberry.type
class Mutation:
    """Changes: intake, reviews of duplicates and attributions, sharing, and officers' case decisions."""

    @strawberry.mutation(description="Submit one report (contracts/report.schema.json), beside POST /api/reports.")
    async def submit_report(self, info: Info[Context, None], report: JSON,
                            justification: Justification = None) -> SubmitResult:
        why = info.context.require_personal_data(Right.SUBMIT_REPORTS, justification)
        try:
            valid = validate_report(report)
        except ReportInvalid as refusal:
            problems = "; ".join(f"{error.field}: {error.reason}" for error in refusal.errors)
            raise ShownError(f"the report breaks the contract: {problems}") from None
        try:
            [outcome] = await info.context.run(
                ingest, info.context.port, [(valid, None)], all_or_nothing=True, policies=info.context.policies,
                collected_by=lambda ids: AuditEvent.by(info.context.principal, Operation.COLLECTION,
                                                       "graphql mutation submitReport", node_ids=tuple(ids),
                                                       justification=why),
            )
        except IntakeConflict:
            raise ShownError(f"{valid.source}/{valid.reference} was already received with different content") from None
        new = outcome.status is Status.CREATED
        return SubmitResult(id=outcome.id, source=outcome.source, reference=outcome.reference, new=new,
                            status=outcome.status.value)

    # -- duplicates --------------------------------------------------------------------------------
    @strawberry.mutation(description="Confirm that two reports are duplicates: their cases are combined.")
    async def confirm_duplicates(self, info: Info[Context, None], report: str, other: str, reason: Why,
                                 justification: Justification = None) -> DuplicateDecision:
        return await _dedupe(info, "confirm", [report, other], reason, justification)

    @strawberry.mutation(description="Reject a link: the two reports are never put in one case again.")
    async def reject_duplicates(self, info: Info[Context, None], report: str, other: str, reason: Why,
                                justification: Justification = None) -> DuplicateDecision:
        return await _dedupe(info, "reject", [report, other], reason, justification)

    @strawberry.mutation(description="Split a report out of its case into a case of its own.")
    async def split_report(self, info: Info[Context, None], report: str, reason: Why,
                           justification: Justification = None) -> DuplicateDecision:
        return await _dedupe(info, "split", [report], reason, justification)

    @strawberry.mutation(description="Undo a duplicate decision (kept on record as undone); the cases re-form.")
    async def undo_duplicate_decision(self, info: Info[Context, None], decision_id: str, reason: Why,
                                      justification: Justification = None) -> DuplicateDecision:
        why = _allowed(info, Right.REVIEW_DUPLICATES, justification, reason)
        result = await _attempt(info, dedupe.undo, info.context.port, decision=decision_id,
                                by=info.context.principal.user, reason=reason)
        await _log(info, Operation.ALTERATION, [result.decision, *result.cases, *result.cases.values()], why,
                   details=reason)
        return _duplicates(result, "undone")

    # -- attribution -------------------------------------------------------------------------------
    @strawberry.mutation(description="Confirm that two accounts (platform:handle) have one person behind them.")
    async def confirm_attribution(self, info: Info[Context, None], account: str, other: str, reason: Why,
                                  justification: Justification = None) -> AttributionDecision:
        return await _attribute(info, "confirm", [account, other], reason, justification)

    @strawberry.mutation(description="Reject a link: the two accounts are never attributed to one person.")
    async def reject_attribution(self, info: Info[Context, None], account: str, other: str, reason: Why,
                                 justification: Justification = None) -> AttributionDecision:
        return await _attribute(info, "reject", [account, other], reason, justification)

    @strawberry.mutation(description="Split an account out: a person of its own until the split is undone.")
    async def split_account(self, info: Info[Context, None], account: str, reason: Why,
                            justification: Justification = None) -> AttributionDecision:
        return await _attribute(info, "split", [account], reason, justification)

    @strawberry.mutation(description="Undo an attribution decision (kept on record); its accounts are re-attributed.")
    async def undo_attribution_decision(self, info: Info[Context, None], decision_id: str, reason: Why,
                                        justification: Justification = None) -> AttributionDecision:
        why = _allowed(info, Right.REVIEW_ATTRIBUTIONS, justification, reason)
        result = await _attempt(info, attribution.undo, info.context.port, decision=decision_id,
                                by=info.context.principal.user, reason=reason)
        await _log(info, Operation.ALTERATION, [result.decision, *result.subjects, *result.subjects.values()], why,
                   details=reason)
        return _attributions(result, "undone")

    # -- sharing -----------------------------------------------------------------------------------
    @strawberry.mutation(description="Share a case with a force (by code): its officers then see the case.")
    async def share_case(self, info: Info[Context, None], case_id: str, force: str, reason: Why,
                         justification: Justification = None) -> ShareResult:
        why = _allowed(info, Right.SHARE_CASES, justification, reason)
        shared = await _attempt(info, sharing.share, info.context.port, case_id, force,
                                by=info.context.principal.user, reason=reason)
        await _log(info, Operation.DISCLOSURE, [case_id], why, recipient=shared.force,
                   details=reason if shared.new else f"already shared by {shared.by}; {reason}")
        done = "shared" if shared.new else f"was already shared by {shared.by}"
        return ShareResult(share_id=shared.id, case_id=case_id, force=shared.force, new=shared.new,
                           message=f"case {case_id} {done} with force {shared.force}")

    @strawberry.mutation(description="Withdraw a case's share with a force (the share stays on record as withdrawn).")
    async def unshare_case(self, info: Info[Context, None], case_id: str, force: str, reason: Why,
                           justification: Justification = None) -> ShareResult:
        why = _allowed(info, Right.SHARE_CASES, justification, reason)
        withdrawn = await _attempt(info, sharing.unshare, info.context.port, case_id, force,
                                   by=info.context.principal.user, reason=reason)
        await _log(info, Operation.ALTERATION, [case_id], why, recipient=withdrawn.force,
                   details=f"share withdrawn: {reason}")
        return ShareResult(share_id=withdrawn.id, case_id=case_id, force=withdrawn.force, new=False,
                           message=f"case {case_id} no longer shared with force {withdrawn.force}")

    # -- officers' case decisions ------------------------------------------------------------------
    @strawberry.mutation(description="Override one assessment output (classification, priority, cps_category, "
                                     "offence:<id>) or record finding:<name>; the case is reassessed.")
    async def override_assessment(self, info: Info[Context, None], case_id: str, field: str, value: str,
                                  reason: Why, justification: Justification = None) -> AssessmentResult:
        why = _allowed(info, Right.SHARE_CASES, justification, reason)
        override_id, result = await _attempt(
            info, assessment.override, info.context.port, case_id, field, override_value(field, value),
            reason=reason, officer=info.context.principal.user, policies=info.context.policies, today=date.today(),
        )
        await _log(info, Operation.ALTERATION, [override_id, case_id], why, details=f"{field} = {value}: {reason}")
        return AssessmentResult(override_id=override_id, case_id=result.case_id, classification=result.classification,
                                priority=result.priority, changes=list(result.changes),
                                message=f"override {override_id} recorded; case {case_id}: "
                                        f"{result.classification}, {result.priority}")

    @strawberry.mutation(description="Undo an override (kept on record as undone) and reassess its case.")
    async def undo_override(self, info: Info[Context, None], override_id: str, reason: Why,
                            justification: Justification = None) -> AssessmentResult:
        why = _allowed(info, Right.SHARE_CASES, justification, reason)
        result = await _attempt(info, assessment.undo_override, info.context.port, override_id,
                                by=info.context.principal.user, reason=reason, policies=info.context.policies,
                                today=date.today())
        await _log(info, Operation.ALTERATION, [override_id, result.case_id], why, details=reason)
        return AssessmentResult(override_id=override_id, case_id=result.case_id, classification=result.classification,
                                priority=result.priority, changes=list(result.changes),
                                message=f"override {override_id} undone; case {result.case_id}: "
                                        f"{result.classification}, {result.priority}")

    @strawberry.mutation(description="Reassign a case to a force (code, or HUB): wins over the rules until undone.")
    async def reassign_case(self, info: Info[Context, None], case_id: str, force: str, reason: Why,
                            justification: Justification = None) -> AssignmentResult:
        why = _allowed(info, Right.SHARE_CASES, justification, reason)
        result = await _attempt(info, jurisdiction.reassign, info.context.port, case_id, force,
                                by=info.context.principal.user, reason=reason,
                                policy=info.context.policies.jurisdiction, leads=info.context.policies.leads)
        await _log(info, Operation.ALTERATION, [case_id], why, details=f"to {result.owning_force}: {reason}")
        return _assigned(result, "reassigned")

    @strawberry.mutation(description="Undo the officer's reassignment in force for a case: the rules decide again.")
    async def undo_reassignment(self, info: Info[Context, None], case_id: str, reason: Why,
                                justification: Justification = None) -> AssignmentResult:
        why = _allowed(info, Right.SHARE_CASES, justification, reason)
        result = await _attempt(info, jurisdiction.undo_reassignment, info.context.port, case_id,
                                by=info.context.principal.user, reason=reason,
                                policy=info.context.policies.jurisdiction, leads=info.context.policies.leads)
        await _log(info, Operation.ALTERATION, [case_id], why, details=reason)
        return _assigned(result, "reassignment undone")
