"""What the mutations return: small result types, each with a one-line message saying what was done."""

from __future__ import annotations

import strawberry


@strawberry.type(description="A report received: its id, and whether it was new or had been received before.")
class SubmitResult:
    id: str
    source: str
    reference: str
    new: bool
    status: str


@strawberry.type(description="The case a report is in after a decision.")
class ReportCase:
    report: str
    case: str


@strawberry.type(description="A duplicate decision recorded or undone, and the cases its reports are in now.")
class DuplicateDecision:
    decision_id: str
    case_ids: list[str]
    cases: list[ReportCase]
    message: str


@strawberry.type(description="The resolved person an account is attributed to after a decision.")
class AccountSubject:
    account: str
    subject: str


@strawberry.type(description="An attribution decision recorded or undone, and who its accounts are attributed to now.")
class AttributionDecision:
    decision_id: str
    subject_ids: list[str]
    subjects: list[AccountSubject]
    message: str


@strawberry.type(description="A case's share with a force, made (or already in force) or withdrawn.")
class ShareResult:
    share_id: str
    case_id: str
    force: str
    new: bool
    message: str


@strawberry.type(description="A case's assessment after an officer's override or its undoing.")
class AssessmentResult:
    override_id: str
    case_id: str
    classification: str
    priority: str
    changes: list[str]
    message: str


@strawberry.type(description="A case's owning force after an officer's reassignment or its undoing.")
class AssignmentResult:
    case_id: str
    owning_force: str
    investigating_force: str | None
    rule: str
    explanation: str
    message: str
