"""Analysts' review of duplicates: confirm or reject a link, split a report out, undo; reruns respect it."""

from __future__ import annotations

import uuid
from dataclasses import dataclass

from graph.dedupe.cases import cluster_reports
from graph.port import GraphError, GraphPort, Row, Tx

KINDS = ("confirm", "reject", "split")


class ReviewError(GraphError):
    """The decision cannot be recorded; the message says why."""


@dataclass(frozen=True)
class DecisionResult:
    """A recorded decision and the cases its reports are in afterwards."""

    decision: str
    cases: dict[str, str]


def decide(port: GraphPort, *, kind: str, reports: list[str], by: str, reason: str) -> DecisionResult:
    """Record a decision (confirm or reject a pair, split one report) and re-form the affected cases."""
    if kind not in KINDS:
        raise ReviewError(f"kind must be one of {', '.join(KINDS)}, not {kind!r}")
    expected = 1 if kind == "split" else 2
    if len(reports) != expected or len(set(reports)) != expected:
        raise ReviewError(f"a {kind} decision is about {expected} different report(s), got {reports}")
    if not by.strip() or not reason.strip():
        raise ReviewError("a decision needs who made it and why")

    def work(tx: Tx) -> DecisionResult:
        recorded = tx.run("dedupe/record_decision", id=str(uuid.uuid4()), kind=kind, reports=reports, by=by, reason=reason)
        if not recorded:
            raise ReviewError(f"no such report among {reports}")
        return DecisionResult(recorded[0]["id"], cluster_reports(tx, reports))

    return port.write_unit(work)


def undo(port: GraphPort, *, decision: str, by: str, reason: str) -> DecisionResult:
    """Undo a decision in force and re-form the cases of the reports it was about."""
    if not by.strip() or not reason.strip():
        raise ReviewError("undoing a decision needs who did it and why")

    def work(tx: Tx) -> DecisionResult:
        undone = tx.run("dedupe/undo_decision", id=decision, by=by, reason=reason)
        if not undone:
            raise ReviewError(f"no decision {decision!r} in force")
        return DecisionResult(decision, cluster_reports(tx, undone[0]["reports"]))

    return port.write_unit(work)


def review_queue(port: GraphPort, *, limit: int = 50) -> list[Row]:
    """Return the suggested pairs awaiting a decision, best score first."""
    return port.read("dedupe/review_queue", limit=limit)


def history(port: GraphPort, report: str) -> list[Row]:
    """Return every decision about a report, in force or undone."""
    return port.read("dedupe/decisions_about", id=report)


def case_of(port: GraphPort, report: str) -> Row | None:
    """Return the case a report is in, with its reports."""
    rows = port.read("dedupe/case_of_report", id=report)
    return rows[0] if rows else None
