"""Which force is responsible for each case: places read by Cypher, the policy applied, the decision stored.

An officer's reassignment wins over the rules on every rerun until it is undone; the rules' own view is kept
beside it, and every change of owner (by an officer or by the rules) is kept as an AssignmentChange and
noticed to the new owner's hate crime lead (an AssignmentNotice, graph/notices.py), in the same transaction.
"""

from __future__ import annotations

import json
import uuid
from collections import Counter
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from domain.jurisdiction import Assignment, assign, lead_force
from domain.jurisdiction_policy import JurisdictionPolicy
from domain.leads import LeadsDirectory
from graph.notices import NoticeOccasion, OwnerChange, shipped_leads, write_notices_in
from graph.places import CasePlaces, read_places
from graph.port import GraphError, GraphPort, Row, Tx, batched

OFFICER_RULE = "officer_reassignment"


class JurisdictionError(GraphError):
    """A reassignment cannot be recorded; the message says why."""


@dataclass(frozen=True)
class CaseAssignment:
    """The forces a case is assigned to as stored, and the postcodes that could not be resolved."""

    case_id: str
    owning_force: str
    investigating_force: str | None
    rule: str
    explanation: str
    uncertain: bool
    unresolved: tuple[str, ...]
    series_lead: str | None = None


@dataclass
class AssignSummary:
    """What a batch assignment did: cases per rule, uncertain ones, unresolved postcodes, cases in a series."""

    cases: int = 0
    by_rule: Counter[str] = field(default_factory=Counter)
    uncertain: int = 0
    unresolved: list[str] = field(default_factory=list)
    in_series: int = 0

    def add(self, results: Iterable[CaseAssignment]) -> None:
        """Count a batch's results."""
        for result in results:
            self.cases += 1
            self.by_rule[result.rule] += 1
            self.uncertain += result.uncertain
            self.unresolved += [f"case {result.case_id}: {problem}" for problem in result.unresolved]
            self.in_series += result.series_lead is not None


def _officer_view(machine: Assignment, officer: Row, policy: JurisdictionPolicy, names: Mapping[str, str]) -> Row:
    to = officer["to"]
    who = "The hub retains the case" if to == policy.hub_code else f"{names.get(to, to)} owns the case"
    explanation = (
        f"{who}: reassigned by {officer['by']} on {officer['at']:%Y-%m-%d %H:%M} ({officer['reason']}). "
        f"Without the reassignment the rules would decide: {machine.explanation}"
    )
    return {"owner": to, "rule": OFFICER_RULE, "explanation": explanation, "uncertain": False}


def _row(places: CasePlaces, policy: JurisdictionPolicy, names: Mapping[str, str]) -> Row:
    machine = assign(places.facts(), policy, force_names=names)
    decided: Row = {"owner": machine.owning_force, "rule": machine.rule, "explanation": machine.explanation,
                    "uncertain": machine.uncertain}
    if places.officer:
        decided = _officer_view(machine, places.officer, policy, names)
    inputs = {**machine.inputs, "unresolved_postcodes": list(places.unresolved), "officer": places.officer}
    return {
        "case": places.case_id,
        **decided,
        "by_officer": places.officer is not None,
        "investigating": machine.investigating_force,
        "investigating_rule": machine.investigating_rule,
        "tie_break_rule": machine.tie_break_rule,
        "inputs": json.dumps(inputs, default=str, sort_keys=True),
        "unresolved": list(places.unresolved),
        "machine_owner": machine.owning_force,
        "machine_rule": machine.rule,
        "machine_explanation": machine.explanation,
    }


def _series_rows(tx: Tx, case_ids: Sequence[str], known: dict[str, CasePlaces], policy: JurisdictionPolicy,
                 names: Mapping[str, str]) -> list[Row]:
    """Return the lead-force rows for the linked series of these cases (null rows for cases in none)."""
    series_of = {row["case"]: row["series"] for row in tx.run("jurisdiction/series_of_cases", cases=list(case_ids))}
    missing = sorted({member for series in series_of.values() for member in series} - set(known))
    if missing:
        known.update(read_places(tx, missing, policy.home_countries))
    rows, decided = [], {}
    for case_id, series in series_of.items():
        if len(series) < 2:
            rows.append({"case": case_id, "series": None, "lead": None, "linked": None, "rule": None,
                         "explanation": None, "uncertain": None})
            continue
        key = tuple(series)
        if key not in decided:
            decided[key] = lead_force([known[m].facts() for m in series if m in known], policy, force_names=names)
        lead = decided[key]
        rows.append({"case": case_id, "series": series[0], "lead": lead.lead, "linked": list(lead.linked),
                     "rule": lead.rule, "explanation": lead.explanation, "uncertain": lead.uncertain})
    return rows


def _owner_changes(rows: Sequence[Row], before: Mapping[str, str | None], places: Mapping[str, CasePlaces],
                   occasion: NoticeOccasion | None) -> list[OwnerChange]:
    """Return the cases whose owner the rows set for the first time or change, with who decided and why."""
    changes = []
    for row in rows:
        if before.get(row["case"]) == row["owner"]:
            continue
        officer = places[row["case"]].officer if row["by_officer"] else None
        why = NoticeOccasion("reassignment", officer["by"], officer["reason"]) if officer else occasion
        changes.append(OwnerChange(row["case"], row["owner"], before.get(row["case"]), row["explanation"], why))
    return changes


def assign_in(tx: Tx, case_ids: Sequence[str], *, policy: JurisdictionPolicy, force_names: Mapping[str, str],
              places: dict[str, CasePlaces] | None = None, leads: LeadsDirectory | None = None,
              occasion: NoticeOccasion | None = None) -> list[CaseAssignment]:
    """Assign each case in `case_ids` (and lead its linked series) inside `tx`; return what was stored.

    A case whose owner is set or changes gets a notice to its new owner's lead (`leads`, else the shipped
    directory), saying `occasion` when an officer's act (other than a reassignment in force) caused it.
    """
    places = dict(places) if places is not None else read_places(tx, case_ids, policy.home_countries)
    rows = [_row(places[case_id], policy, force_names) for case_id in case_ids if case_id in places]
    if not rows:
        return []
    before = {row["case"]: row["owning_force"] for row in tx.run("jurisdiction/case_owners", cases=[r["case"] for r in rows])}
    tx.run("jurisdiction/write_assignments", rows=rows)
    write_notices_in(tx, _owner_changes(rows, before, places, occasion), leads=leads or shipped_leads())
    series = _series_rows(tx, [row["case"] for row in rows], places, policy, force_names)
    tx.run("jurisdiction/write_series", rows=series)
    lead = {row["case"]: row["lead"] for row in series}
    return [
        CaseAssignment(row["case"], row["owner"], row["investigating"], row["rule"], row["explanation"],
                       row["uncertain"], tuple(row["unresolved"]), lead.get(row["case"]))
        for row in rows
    ]


def read_force_names(tx: Tx) -> dict[str, str]:
    """Return {force code: name} from the graph's reference data, inside `tx`."""
    return {row["code"]: row["name"] for row in tx.run("reference/force_names")}


def all_case_ids(port: GraphPort) -> list[str]:
    """Return every case id, in order."""
    return [row["id"] for row in port.read("jurisdiction/all_cases")]


def assign_cases(
    port: GraphPort,
    case_ids: Sequence[str] | None = None,
    *,
    policy: JurisdictionPolicy,
    leads: LeadsDirectory | None = None,
    batch_size: int = 500,
    progress: Callable[[int], None] = lambda done: None,
) -> AssignSummary:
    """Assign the given cases (every case when None), one transaction per batch; return what happened."""
    leads = leads or shipped_leads()
    ids = list(case_ids) if case_ids is not None else all_case_ids(port)
    names = port.read_unit(read_force_names)
    if not names:
        raise JurisdictionError("no force areas in the graph: run `hub db migrate` (which seeds the reference tables)")
    summary = AssignSummary()
    for batch in batched(ids, batch_size):
        results = port.write_unit(lambda tx: assign_in(tx, batch, policy=policy, force_names=names, leads=leads))
        summary.add(results)
        progress(len(batch))
    return summary


def _checked(by: str, reason: str) -> None:
    if not by.strip() or not reason.strip():
        raise JurisdictionError("a reassignment needs who made it (--by) and why (--reason)")


def reassign(port: GraphPort, case_id: str, force: str, *, by: str, reason: str,
             policy: JurisdictionPolicy, leads: LeadsDirectory | None = None) -> CaseAssignment:
    """Record an officer's reassignment of a case to a force (or the hub) and store the result."""
    _checked(by, reason)
    leads = leads or shipped_leads()
    code = force.strip().upper()

    def work(tx: Tx) -> CaseAssignment:
        names = read_force_names(tx)
        if code != policy.hub_code and code not in names:
            raise JurisdictionError(
                f"{force!r} is not a police force area code (see reference/police_force_areas.csv) nor {policy.hub_code}"
            )
        if not tx.run("jurisdiction/case_owner", case=case_id):
            raise JurisdictionError(f"no case {case_id!r}")
        tx.run("jurisdiction/record_reassignment", case=case_id, id=str(uuid.uuid4()), by=by, to=code, reason=reason)
        return assign_in(tx, [case_id], policy=policy, force_names=names, leads=leads)[0]

    return port.write_unit(work)


def undo_reassignment(
    port: GraphPort, case_id: str, *, by: str, reason: str, policy: JurisdictionPolicy,
    leads: LeadsDirectory | None = None,
) -> CaseAssignment:
    """Undo the officer's reassignment in force for a case: the rules decide again; the record is kept."""
    _checked(by, reason)
    leads = leads or shipped_leads()
    undo = NoticeOccasion("undo", by, reason)

    def work(tx: Tx) -> CaseAssignment:
        if not tx.run("jurisdiction/undo_reassignment", case=case_id, by=by, reason=reason):
            raise JurisdictionError(f"case {case_id!r} has no reassignment in force")
        return assign_in(tx, [case_id], policy=policy, force_names=read_force_names(tx), leads=leads,
                         occasion=undo)[0]

    return port.write_unit(work)


def assignment_history(port: GraphPort, case_id: str) -> list[Row]:
    """Return every change of the case's owning force, by officers and by the rules, oldest first."""
    return port.read("jurisdiction/assignment_history", case=case_id)


def export_assignments(port: GraphPort) -> tuple[list[dict[str, Any]], int]:
    """Return one export line per assigned case, and how many cases are not assigned yet."""
    lines = [
        {"case": row["case"], "owning_force": row["owning_force"], "investigating_force": row["investigating_force"],
         "rule": row["rule"], "reports": row["reports"]}
        for row in port.read("jurisdiction/export_assignments")
    ]
    return lines, port.read("jurisdiction/unassigned_count")[0]["cases"]


def case_assignment(port: GraphPort, case_id: str) -> Row | None:
    """Return a case's stored assignment (forces, rules, explanation, machine view, series lead), or None."""
    rows = port.read("jurisdiction/case_assignment", case=case_id)
    return rows[0] if rows else None
