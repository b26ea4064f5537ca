"""Assessing cases: facts aggregated by Cypher over all of a case's reports, the policy applied, the result stored.

Each case keeps its assessment (the officers' overrides applied, the machine's view inside it) and a history
of versions, each saying in words what changed, so a new duplicate report shows what it altered.
"""

from __future__ import annotations

import json
import uuid
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from domain.assessment import Assessment, Override, apply_overrides, assess, diff
from domain.facts import CONTENT_KINDS, CaseFacts
from domain.results import read_stored
from graph.assessment_store import from_stored, to_stored
from graph.jurisdiction import all_case_ids, assign_in, read_force_names
from graph.places import CasePlaces, read_places
from graph.policies import Policies
from graph.port import GraphError, GraphPort, Row, Tx, batched
from graph.read.temporal import instant

PUBLIC_KINDS = frozenset({"post", "reply", "comment", "profile", "image", "video", "livestream"})
FINDING = "finding:"


class AssessmentError(GraphError):
    """An override cannot be recorded or applied; the message says why."""


@dataclass(frozen=True)
class CaseAssessment:
    """What was stored for one case, and what changed since its previous assessment."""

    case_id: str
    classification: str
    priority: str
    changes: tuple[str, ...]


@dataclass
class AssessSummary:
    """What a batch assessment did: cases per classification and priority, and how many changed."""

    cases: int = 0
    by_classification: Counter[str] = field(default_factory=Counter)
    by_priority: Counter[str] = field(default_factory=Counter)
    changed: int = 0


def case_facts(row: Row, victim_nations: frozenset[str], findings: frozenset[str]) -> CaseFacts:
    """Return the CaseFacts of one row of `assessment/case_facts`."""
    kinds = frozenset(kind if kind in CONTENT_KINDS else "other" for kind in row["content_kinds"] if kind) or (
        frozenset({"other"}) if row["platforms"] else frozenset()
    )
    return CaseFacts(
        case_id=row["case"],
        report_count=row["report_count"],
        first_received_at=instant(row["first_received_at"]),
        strands=frozenset(row["strands"]),
        indicators=frozenset(row["indicators"]),
        content_kinds=kinds,
        platforms=frozenset(p for p in row["platforms"] if p),
        max_occasions_by_one_account=max(row["occasions_in_case"], row["occasions_in_series"]),
        max_audience=row["max_audience"],
        public_content=bool(kinds & PUBLIC_KINDS),
        victim_count=row["victim_count"],
        vulnerable_victim=bool(row["vulnerable_victim"]),
        under_18_victim=bool(row["under_18_victim"]),
        victim_nations=victim_nations,
        subject_identified=bool(row["subject_identified"]),
        earliest_incident_at=min(map(instant, row["starts"]), default=None),
        latest_incident_at=max(map(instant, row["ends"]), default=None),
        findings=findings,
    )


def _overrides(rows: Sequence[Row]) -> tuple[frozenset[str], list[Override]]:
    """Split a case's overrides into the officers' findings about the material and overrides of outputs."""
    findings: set[str] = set()
    outputs: list[Override] = []
    for row in rows:
        value = json.loads(row["value_json"])
        if row["field"].startswith(FINDING):
            name = row["field"].removeprefix(FINDING)
            (findings.add if value else findings.discard)(name)
            continue
        outputs.append(Override(row["field"], value, row["reason"], row["officer"], row["at"]))
    return frozenset(findings), outputs


def _charge_by(assessment: Assessment) -> date | None:
    dates = [o.charge_by for o in assessment.complete_offences if o.summary_only and o.charge_by]
    return min(dates, default=None)


# Stored assessments are written this many at a time: about 0.5 MB a message. The driver's buffers for one
# message of a whole batch (about 700 cases, 3 MB) raised the loader's peak memory by 8 to 20 MB each time.
ASSESSMENTS_PER_WRITE = 100


def assess_in(tx: Tx, case_ids: Sequence[str], *, policies: Policies, today: date, trigger: str,
              places: dict[str, CasePlaces] | None = None) -> list[CaseAssessment]:
    """Assess each case in `case_ids` inside `tx`, store it, and record a version when it changed."""
    ids = list(case_ids)
    if places is None:
        places = read_places(tx, ids, policies.jurisdiction.home_countries)
    overrides = {row["case"]: row["overrides"] for row in tx.run("assessment/active_overrides", cases=ids)}
    rows, results = [], []
    for row in tx.run("assessment/case_facts", cases=ids):
        case_id = row["case"]
        findings, outputs = _overrides(overrides.get(case_id, []))
        nations = places[case_id].victim_nations if case_id in places else frozenset()
        machine = assess(case_facts(row, nations, findings), policies.assessment, today=today)
        try:
            current = apply_overrides(machine, outputs) if outputs else machine
        except ValueError as error:
            raise AssessmentError(f"case {case_id}: {error}") from None
        changes = diff(from_stored(row["previous_json"]), current)
        rows.append({
            "case": case_id, "classification": current.classification, "priority": current.priority,
            "cps_category": current.cps_category, "charge_by": _charge_by(current), "json": to_stored(current),
            "policy_version": current.policy_version, "changes": changes, "trigger": trigger,
            "report_count": row["report_count"],
        })
        results.append(CaseAssessment(case_id, current.classification, current.priority, tuple(changes)))
        if len(rows) == ASSESSMENTS_PER_WRITE:
            tx.run("assessment/write_assessments", rows=rows)
            rows = []
    if rows:
        tx.run("assessment/write_assessments", rows=rows)
    return results


def assess_cases(
    port: GraphPort,
    case_ids: Sequence[str] | None = None,
    *,
    policies: Policies,
    today: date,
    batch_size: int = 200,
    progress: Callable[[int], None] = lambda done: None,
) -> AssessSummary:
    """Assess the given cases (every case when None), one transaction per batch; return what happened."""
    ids = list(case_ids) if case_ids is not None else all_case_ids(port)
    summary = AssessSummary()
    for batch in batched(ids, batch_size):
        for result in port.write_unit(lambda tx: assess_in(tx, batch, policies=policies, today=today, trigger="batch")):
            summary.cases += 1
            summary.by_classification[result.classification] += 1
            summary.by_priority[result.priority] += 1
            summary.changed += bool(result.changes)
        progress(len(batch))
    return summary


def assess_and_assign_in(
    tx: Tx, case_ids: Sequence[str], *, policies: Policies, today: date, trigger: str = "intake"
) -> None:
    """Assign and assess the cases `case_ids` inside `tx` (the online path, after intake formed the cases)."""
    if case_ids:
        places = read_places(tx, case_ids, policies.jurisdiction.home_countries)
        assign_in(tx, case_ids, policy=policies.jurisdiction, force_names=read_force_names(tx), places=places,
                  leads=policies.leads)
        assess_in(tx, case_ids, policies=policies, today=today, trigger=trigger, places=places)


def assess_and_assign_reports_in(tx: Tx, report_ids: Sequence[str], *, policies: Policies, today: date) -> list[str]:
    """Assign and assess the cases of these reports and the cases linked to them in a series; return the cases."""
    case_ids = [row["case"] for row in tx.run("assessment/cases_of_reports", ids=list(report_ids))]
    assess_and_assign_in(tx, case_ids, policies=policies, today=today)
    return case_ids


def _check_override(field_name: str, policies: Policies, by: str, reason: str) -> None:
    if not by.strip() or not reason.strip():
        raise AssessmentError("an override needs who made it (--by) and why (--reason)")
    if field_name.startswith(FINDING) and field_name.removeprefix(FINDING) not in policies.assessment.findings:
        known = ", ".join(sorted(policies.assessment.findings))
        raise AssessmentError(f"unknown finding {field_name.removeprefix(FINDING)!r} (known: {known})")


def override(port: GraphPort, case_id: str, field_name: str, value: Any, *, reason: str, officer: str,
             policies: Policies, today: date) -> tuple[str, CaseAssessment]:
    """Record an officer's override (or finding) for a case and reassess it; return the override id and result."""
    _check_override(field_name, policies, officer, reason)
    if field_name.startswith(FINDING) and not isinstance(value, bool):
        raise AssessmentError(f"override of {field_name}: the value is true or false, got {value!r}")

    def work(tx: Tx) -> tuple[str, CaseAssessment]:
        recorded = tx.run("assessment/record_override", case=case_id, id=str(uuid.uuid4()), field=field_name,
                          value_json=json.dumps(value), reason=reason, officer=officer)
        if not recorded:
            raise AssessmentError(f"no case {case_id!r}")
        return recorded[0]["id"], assess_in(tx, [case_id], policies=policies, today=today, trigger="override")[0]

    return port.write_unit(work)


def undo_override(
    port: GraphPort, override_id: str, *, by: str, reason: str, policies: Policies, today: date
) -> CaseAssessment:
    """Undo an override in force (kept on record) and reassess its case."""
    if not by.strip() or not reason.strip():
        raise AssessmentError("undoing an override needs who did it (--by) and why (--reason)")

    def work(tx: Tx) -> CaseAssessment:
        undone = tx.run("assessment/undo_override", id=override_id, by=by, reason=reason)
        if not undone:
            raise AssessmentError(f"no override {override_id!r} in force")
        return assess_in(tx, [undone[0]["case"]], policies=policies, today=today, trigger="undo override")[0]

    return port.write_unit(work)


def assessment_history(port: GraphPort, case_id: str) -> Row | None:
    """Return the case's assessment as stored (parsed), its versions with what changed, and its overrides."""
    rows = port.read("assessment/assessment_history", case=case_id)
    if not rows:
        return None
    row = rows[0]
    stored = read_stored(row["assessment_json"])
    return {"case": row["case"], "assessment": stored, "versions": row["versions"], "overrides": row["overrides"]}

