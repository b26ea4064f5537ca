"""`hub dedupe` and `hub review ...`: combining duplicate reports into cases, and analysts' review."""

from __future__ import annotations

import json
from typing import Annotated

import typer

from cli.common import audit, connected_settings, console, fail, friendly, open_port
from cli.progress import progress_bar
from graph.dedupe import review
from graph.dedupe.batch import recompute

review_app = typer.Typer(help="Review duplicate links: confirm, reject, split, undo, list.", no_args_is_help=True)


@friendly
def dedupe() -> None:
    """Recompute every duplicate link, case, linked series and copy-paste group over the whole graph."""
    with open_port(connected_settings(), migrate=True) as port, progress_bar("items") as bar:
        tasks: dict[str, int] = {}

        def progress(stage: str, done: int, total: int) -> None:
            if stage not in tasks:
                tasks[stage] = bar.add_task(stage, total=total or None)
            bar.advance(tasks[stage], done)

        summary = recompute(port, progress=progress)
    console.print(f"{summary.reports} reports in {summary.cases} cases; {summary.text_groups} copy-paste text groups")


Who = Annotated[str, typer.Option("--by", help="Who decides (recorded).")]
Why = Annotated[str, typer.Option("--reason", help="Why (recorded).")]


def _decide(kind: str, reports: list[str], by: str, reason: str) -> None:
    with open_port(connected_settings()) as port:
        try:
            result = review.decide(port, kind=kind, reports=reports, by=by, reason=reason)
        except review.ReviewError as exc:
            raise fail(str(exc)) from None
        audit(port, by=by, operation="combination" if kind == "confirm" else "alteration", command=f"review {kind}",
              node_ids=[result.decision, *reports, *result.cases.values()], why=reason)
    console.print(f"decision {result.decision} recorded; cases now: {json.dumps(result.cases)}")


@review_app.command()
@friendly
def confirm(report: str, other: str, by: Who, reason: Why) -> None:
    """Confirm that two reports are duplicates: their cases are combined."""
    _decide("confirm", [report, other], by, reason)


@review_app.command()
@friendly
def reject(report: str, other: str, by: Who, reason: Why) -> None:
    """Reject a link: the two reports are never put in one case again, by any rule or path."""
    _decide("reject", [report, other], by, reason)


@review_app.command()
@friendly
def split(report: str, by: Who, reason: Why) -> None:
    """Split a report out of its case into a case of its own."""
    _decide("split", [report], by, reason)


@review_app.command()
@friendly
def undo(decision: str, by: Who, reason: Why) -> None:
    """Undo a decision (kept on record as undone); the cases re-form."""
    with open_port(connected_settings()) as port:
        try:
            result = review.undo(port, decision=decision, by=by, reason=reason)
        except review.ReviewError as exc:
            raise fail(str(exc)) from None
        audit(port, by=by, operation="alteration", command="review undo",
              node_ids=[decision, *result.cases.values()], why=reason)
    console.print(f"decision {result.decision} undone; cases now: {json.dumps(result.cases)}")


@review_app.command("queue")
@friendly
def queue(limit: Annotated[int, typer.Option(help="How many pairs to list.")] = 20) -> None:
    """List suggested pairs awaiting review, best score first."""
    with open_port(connected_settings()) as port:
        for row in review.review_queue(port, limit=limit):
            console.print(f"{row['score']:.2f} {row['rule']}: {row['report']} ~ {row['other']} ({'; '.join(row['evidence'])})")


@review_app.command("history")
@friendly
def history(report: str) -> None:
    """Show every decision about a report, in force or undone."""
    with open_port(connected_settings()) as port:
        for row in review.history(port, report):
            state = "in force" if row["active"] else f"undone by {row['undone_by']}"
            console.print(f"{row['at']:%Y-%m-%d %H:%M} {row['kind']} {row['reports']} by {row['by']}: {row['reason']} ({state}) [{row['id']}]")
