"""A case's assessment and jurisdiction in full: offences, the rule trace, overrides, history, shares, notices."""

from __future__ import annotations

import json
from datetime import date, datetime
from typing import Any

import strawberry
from strawberry.scalars import JSON

from domain.results import read_stored
from graph.port import Row


@strawberry.type(description="An offence considered for the case, with the elements the facts meet and lack.")
class CandidateOffence:
    id: str
    statute: str
    section: str
    title: str
    kind: str
    summary_only: bool
    elements_met: list[str]
    elements_missing: list[str]
    complete: bool
    cps_category: int | None
    charge_by: date | None = strawberry.field(description="Date by which a summary-only offence must be charged.")
    out_of_time: bool


@strawberry.type(description="An officer's decision replacing one value the rules gave.")
class AssessmentOverride:
    field: str
    value: JSON
    reason: str
    officer: str
    at: datetime


@strawberry.type(description="Crime, NCHI or no record; offences; priority; each with the rule that decided.")
class CaseAssessment:
    classification: str
    classification_rule: str
    classification_reason: str
    priority: str
    priority_rule: str
    priority_reason: str
    cps_category: int | None
    offences: list[CandidateOffence]
    trace: list[str] = strawberry.field(description="The rules' reasoning, in words an officer can read.")
    keep_subject_data: bool
    subject_notice: str | None
    policy_version: str
    assessed_on: date
    overrides: list[AssessmentOverride]
    machine_classification: str | None = strawberry.field(description="The rules' own view, where overridden.")
    machine_priority: str | None


@strawberry.type(description="A change of the case's owning force, by the rules or an officer.")
class AssignmentChange:
    id: str
    kind: str
    at: datetime | None
    by: str | None
    from_force: str | None
    to_force: str | None
    reason: str | None
    active: bool | None


@strawberry.type(description="A force the case is shared with beyond its owner.")
class CaseShare:
    force: str
    by: str | None
    at: datetime | None
    reason: str | None


@strawberry.type(description="A notice to a force's hate crime lead that the case is theirs.")
class AssignmentNotice:
    id: str
    force: str
    previous: str | None
    kind: str | None
    reason: str | None
    at: datetime | None
    status: str
    to_name: str | None
    to_email: str | None
    sent_at: datetime | None


@strawberry.type(description="Which force is responsible, why, from which inputs, and what changed.")
class CaseJurisdiction:
    owning_force: str | None
    investigating_force: str | None
    rule: str | None
    investigating_rule: str | None
    tie_break_rule: str | None
    explanation: str | None
    uncertain: bool | None
    inputs: JSON | None
    unresolved_postcodes: list[str]
    history: list[AssignmentChange]
    shares: list[CaseShare]
    notices: list[AssignmentNotice]


def _offence(data: dict[str, Any]) -> CandidateOffence:
    charge_by = data.get("charge_by")
    return CandidateOffence(
        id=data["id"], statute=data["statute"], section=data["section"], title=data["title"], kind=data["kind"],
        summary_only=data["summary_only"], elements_met=list(data["elements_met"]),
        elements_missing=list(data["elements_missing"]), complete=data["complete"],
        cps_category=data.get("cps_category"), charge_by=date.fromisoformat(charge_by) if charge_by else None,
        out_of_time=data["out_of_time"],
    )


def assessment_of(row: Row | None) -> CaseAssessment | None:
    """The stored assessment as GraphQL values, or None when the case has not been assessed."""
    data = read_stored(row.get("assessment_json")) if row else None
    if data is None:
        return None
    machine = data.get("machine") or {}
    return CaseAssessment(
        classification=data["classification"], classification_rule=data["classification_rule"],
        classification_reason=data["classification_reason"], priority=data["priority"],
        priority_rule=data["priority_rule"], priority_reason=data["priority_reason"],
        cps_category=data.get("cps_category"), offences=[_offence(item) for item in data.get("offences", [])],
        trace=list(data.get("trace", [])), keep_subject_data=data["keep_subject_data"],
        subject_notice=data.get("subject_notice"), policy_version=data["policy_version"],
        assessed_on=date.fromisoformat(data["assessed_on"]),
        overrides=[
            AssessmentOverride(field=item["field"], value=item["value"], reason=item["reason"],
                               officer=item["officer"], at=datetime.fromisoformat(item["at"]))
            for item in data.get("overrides", [])
        ],
        machine_classification=machine.get("classification"), machine_priority=machine.get("priority"),
    )


def jurisdiction_of(row: Row | None) -> CaseJurisdiction | None:
    """The jurisdiction decision, its history, shares and notices, oldest first."""
    if not row:
        return None
    history = sorted(row["history"], key=lambda change: (str(change.get("at")), change["id"]))
    notices = sorted(row["notices"], key=lambda notice: (str(notice.get("at")), notice["id"]))
    return CaseJurisdiction(
        owning_force=row["owning_force"], investigating_force=row["investigating_force"], rule=row["rule"],
        investigating_rule=row["investigating_rule"], tie_break_rule=row["tie_break_rule"],
        explanation=row["explanation"], uncertain=row["uncertain"],
        inputs=json.loads(row["inputs_json"]) if row.get("inputs_json") else None,
        unresolved_postcodes=list(row.get("unresolved_postcodes") or []),
        history=[
            AssignmentChange(id=change["id"], kind=change["kind"], at=change.get("at"), by=change.get("by"),
                             from_force=change.get("from"), to_force=change.get("to"), reason=change.get("reason"),
                             active=change.get("active"))
            for change in history
        ],
        shares=[CaseShare(force=share["force"], by=share["by"], at=share["at"], reason=share["reason"])
                for share in sorted(row["shares"], key=lambda share: share["force"])],
        notices=[
            AssignmentNotice(id=notice["id"], force=notice["force"], previous=notice.get("previous"),
                             kind=notice.get("kind"), reason=notice.get("reason"), at=notice.get("at"),
                             status=notice.get("status") or "pending", to_name=notice.get("to_name"),
                             to_email=notice.get("to_email"), sent_at=notice.get("sent_at"))
            for notice in notices
        ],
    )
