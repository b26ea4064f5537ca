"""`hub assess`, `hub assign`, `hub reassign`, `hub override`, `hub explain`, `hub export assignments`."""

from __future__ import annotations

import json
import sys
from datetime import date, datetime
from pathlib import Path
from typing import Annotated, Any, Optional

import typer

from cli.common import audit, audit_export, connected_settings, console, errors, fail, friendly, open_port
from cli.progress import progress_bar
from domain.override_values import OverrideValueError, parse_override_value
from domain.policy_files import PolicyError
from graph import assessment, jurisdiction
from graph.policies import Policies, load_policies
from graph.port import GraphPort

Cases = Annotated[Optional[list[str]], typer.Option("--case", help="Only this case (repeatable); default every case.")]
Who = Annotated[str, typer.Option("--by", help="The officer deciding (recorded).")]
Why = Annotated[str, typer.Option("--reason", help="Why (recorded).")]
Today = Annotated[
    Optional[datetime], typer.Option("--today", formats=["%Y-%m-%d"], help="Assess as on this date (default: today).")
]


def policies() -> Policies:
    """Load and validate both policy files, or stop with the file, YAML path and reason."""
    try:
        return load_policies()
    except PolicyError as exc:
        raise fail(f"policy file not usable: {exc}") from None


def _day(today: datetime | None) -> date:
    return today.date() if today else date.today()


def parse_value(field: str, text: str) -> Any:
    """Return the typed value of an override given on the command line, or stop with the reason."""
    try:
        return parse_override_value(field, text)
    except OverrideValueError as refusal:
        raise fail(str(refusal)) from None


def _case_ids(port: GraphPort, given: list[str] | None) -> list[str]:
    """Return the cases asked for (every case when none), stopping on one that does not exist."""
    if not given:
        return jurisdiction.all_case_ids(port)
    unknown = [case for case in given if jurisdiction.case_assignment(port, case) is None]
    if unknown:
        raise fail(f"no such case: {', '.join(unknown)}")
    return list(dict.fromkeys(given))


@friendly
def assess(case: Cases = None, today: Today = None) -> None:
    """Assess cases under the assessment policy: classification, offences, CPS category, priority, charge-by date."""
    rules = policies()
    with open_port(connected_settings(), migrate=True) as port:
        ids = _case_ids(port, case)
        with progress_bar("cases") as bar:
            task = bar.add_task("assessing", total=len(ids))
            summary = assessment.assess_cases(
                port, ids, policies=rules, today=_day(today), progress=lambda done: bar.advance(task, done)
            )
    console.print(f"{summary.cases} cases assessed, {summary.changed} changed since their last assessment")
    console.print("classification: " + ", ".join(f"{k} {v}" for k, v in sorted(summary.by_classification.items())))
    console.print("priority: " + ", ".join(f"{k} {v}" for k, v in sorted(summary.by_priority.items())))


@friendly
def assign(case: Cases = None) -> None:
    """Assign cases to forces under the jurisdiction policy: owning and investigating force, series lead."""
    rules = policies()
    with open_port(connected_settings(), migrate=True) as port:
        ids = _case_ids(port, case)
        with progress_bar("cases") as bar:
            task = bar.add_task("assigning", total=len(ids))
            try:
                summary = jurisdiction.assign_cases(
                    port, ids, policy=rules.jurisdiction, leads=rules.leads, progress=lambda done: bar.advance(task, done)
                )
            except jurisdiction.JurisdictionError as exc:
                raise fail(str(exc)) from None
    console.print(f"{summary.cases} cases assigned; {summary.uncertain} rest on an uncertain location; "
                  f"{summary.in_series} are in a linked series")
    console.print("rules: " + ", ".join(f"{k} {v}" for k, v in sorted(summary.by_rule.items())))
    if summary.unresolved:
        console.print(f"{len(summary.unresolved)} postcodes could not be resolved to a force (not guessed):")
        for line in summary.unresolved[:20]:
            console.print(f"  {line}")


@friendly
def reassign(
    case: str,
    force: Annotated[Optional[str], typer.Argument(help="Force code (E23000005) or HUB.")] = None,
    by: Who = ...,
    reason: Why = ...,
    undo: Annotated[bool, typer.Option("--undo", help="Undo the reassignment in force: the rules decide again.")] = False,
) -> None:
    """Reassign a case to a force (kept with who, when, from, to and why; wins over the rules until undone)."""
    loaded = policies()
    rules = loaded.jurisdiction
    if not undo and not force:
        raise fail("give the FORCE to reassign to, or --undo")
    with open_port(connected_settings(), migrate=True) as port:
        try:
            if undo:
                result = jurisdiction.undo_reassignment(port, case, by=by, reason=reason, policy=rules,
                                                             leads=loaded.leads)
            else:
                result = jurisdiction.reassign(port, case, force or "", by=by, reason=reason, policy=rules,
                                                    leads=loaded.leads)
        except jurisdiction.JurisdictionError as exc:
            raise fail(str(exc)) from None
        audit(port, by=by, operation="alteration", command="reassign --undo" if undo else f"reassign {force}",
              node_ids=[case], why=reason)
    console.print(f"case {result.case_id}: owning force {result.owning_force} ({result.rule})")


@friendly
def override(case: str, field: str, value: str, by: Who = ..., reason: Why = ..., today: Today = None) -> None:
    """Override one assessment output (classification, priority, cps_category, offence:<id>) or record finding:<name>."""
    rules = policies()
    with open_port(connected_settings(), migrate=True) as port:
        try:
            override_id, result = assessment.override(
                port, case, field, parse_value(field, value), reason=reason, officer=by, policies=rules, today=_day(today)
            )
        except assessment.AssessmentError as exc:
            raise fail(str(exc)) from None
        audit(port, by=by, operation="alteration", command=f"override {field}", node_ids=[override_id, case],
              why=reason)
    console.print(f"override {override_id} recorded; case {case}: {result.classification}, {result.priority}")
    for line in result.changes:
        console.print(f"  {line}")


@friendly
def undo_override(override_id: str, by: Who = ..., reason: Why = ..., today: Today = None) -> None:
    """Undo an override (kept on record as undone) and reassess its case."""
    rules = policies()
    with open_port(connected_settings(), migrate=True) as port:
        try:
            result = assessment.undo_override(port, override_id, by=by, reason=reason, policies=rules, today=_day(today))
        except assessment.AssessmentError as exc:
            raise fail(str(exc)) from None
        audit(port, by=by, operation="alteration", command="override-undo", node_ids=[override_id, result.case_id],
              why=reason)
    console.print(f"override {override_id} undone; case {result.case_id}: {result.classification}, {result.priority}")


@friendly
def explain(case: str) -> None:
    """Show a case's assessment with its trace, its assignment with the reasons, and both histories."""
    with open_port(connected_settings()) as port:
        stored = assessment.assessment_history(port, case)
        assigned = jurisdiction.case_assignment(port, case)
        changes = jurisdiction.assignment_history(port, case)
    if stored is None or assigned is None:
        raise fail(f"no case {case!r}")
    current = stored["assessment"]
    if current:
        console.print(f"[bold]{case}[/]: {current['classification']}, priority {current['priority']}, "
                      f"CPS category {current['cps_category']}")
        for line in current["trace"]:
            console.print(f"  - {line}")
    for version in stored["versions"]:
        console.print(f"{version['at']:%Y-%m-%d %H:%M} ({version['trigger']}): " + " ".join(version["changes"]))
    for item in stored["overrides"]:
        state = "in force" if item["active"] else f"undone by {item['undone_by']}"
        console.print(
            f"override {item['id']}: {item['field']} = {item['value_json']} by {item['officer']}: {item['reason']} ({state})"
        )
    console.print(f"owning force {assigned['owning_force']}, investigating {assigned['investigating_force']} ({assigned['rule']})")
    console.print(f"  {assigned['explanation']}")
    if assigned["series"]:
        console.print(f"  series {assigned['series']}: {assigned['series_explanation']}")
    for change in changes:
        console.print(
            f"{change['at']:%Y-%m-%d %H:%M} {change['kind']} {change['from']} -> {change['to']} "
            f"by {change['by']}: {change['reason']}"
        )


@friendly
def export_assignments(
    out: Annotated[Optional[Path], typer.Option(help="File to write (default: standard output).")] = None,
) -> None:
    """One case per line: {"case", "owning_force" (code or HUB), "investigating_force", "rule", "reports"}."""
    with open_port(connected_settings()) as port:
        lines, unassigned = jurisdiction.export_assignments(port)
        audit_export(port, what="assignments", ids=[line["case"] for line in lines], out=out)
    handle = out.open("w", encoding="utf-8") if out else sys.stdout
    try:
        for line in lines:
            handle.write(json.dumps(line, ensure_ascii=False) + "\n")
    finally:
        if out:
            handle.close()
            console.print(f"{len(lines)} assignments written to {out}")
    if unassigned:
        errors.print(f"[yellow]{unassigned} cases are not assigned yet: run `hub assign`[/]")
