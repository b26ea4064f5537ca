"""`hub attribute` and `hub attribution ...`: accounts attributed to people, analysts' decisions, the export."""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Annotated, Optional

import typer

from cli.common import audit, audit_export, connected_settings, console, fail, friendly, open_port
from cli.progress import progress_bar
from graph.attribution import decisions, service

attribution_app = typer.Typer(
    help="Review attributions of accounts to people: confirm, reject, split, undo, show, history.",
    no_args_is_help=True,
)
Who = Annotated[str, typer.Option("--by", help="Who decides (recorded).")]
Why = Annotated[str, typer.Option("--reason", help="Why (recorded).")]


@friendly
def attribute(
    new_only: Annotated[bool, typer.Option("--new-only", help="Place only accounts not yet attributed, with the "
                                           "stored model (a full run when none is stored).")] = False,  # fmt: skip
    threshold: Annotated[float, typer.Option(help="Match probability a link needs.", min=0.0, max=1.0)] = service.THRESHOLD,
) -> None:
    """Attribute accounts to the people who control them (never merging accounts); resolve repeat complainants and victims."""
    with open_port(connected_settings(), migrate=True) as port, progress_bar("steps") as bar:
        tasks: dict[str, int] = {}

        def progress(stage: str, done: int, total: int) -> None:
            if stage not in tasks:
                tasks[stage] = bar.add_task(stage, total=total or None)
            bar.advance(tasks[stage], done)

        if new_only:
            summary = service.attribute_new(port, threshold=threshold, progress=progress)
        else:
            summary = service.attribute(port, threshold=threshold, batch_size=port.settings.batch_size, progress=progress)
    console.print(
        f"{summary.accounts} accounts attributed to {summary.subjects} people "
        f"({summary.multi_account_subjects} with several accounts); "
        f"{summary.complainants} repeat complainants, {summary.victims} repeat victims"
    )


def _decide(kind: str, accounts: list[str], by: str, reason: str) -> None:
    with open_port(connected_settings(), migrate=True) as port:
        try:
            result = decisions.decide(port, kind=kind, accounts=accounts, by=by, reason=reason)
        except decisions.DecisionError as exc:
            raise fail(str(exc)) from None
        audit(port, by=by, operation="combination" if kind == "confirm" else "alteration",
              command=f"attribution {kind}", node_ids=[result.decision, *accounts, *result.subjects.values()],
              why=reason)
    console.print(f"decision {result.decision} recorded; attributed now: {json.dumps(result.subjects)}")


@attribution_app.command()
@friendly
def confirm(account: str, other: str, by: Who, reason: Why) -> None:
    """Confirm that two accounts (platform:handle) have one person behind them."""
    _decide("confirm", [account, other], by, reason)


@attribution_app.command()
@friendly
def reject(account: str, other: str, by: Who, reason: Why) -> None:
    """Reject a link: the two accounts are never attributed to one person, not even through others."""
    _decide("reject", [account, other], by, reason)


@attribution_app.command()
@friendly
def split(account: str, by: Who, reason: Why) -> None:
    """Split an account out: it is attributed to a person of its own until the split is undone."""
    _decide("split", [account], by, reason)


@attribution_app.command()
@friendly
def undo(decision: str, by: Who, reason: Why) -> None:
    """Undo a decision (kept on record as undone); the accounts it was about are re-attributed."""
    with open_port(connected_settings(), migrate=True) as port:
        try:
            result = decisions.undo(port, decision=decision, by=by, reason=reason)
        except decisions.DecisionError as exc:
            raise fail(str(exc)) from None
        audit(port, by=by, operation="alteration", command="attribution undo",
              node_ids=[decision, *result.subjects.values()], why=reason)
    console.print(f"decision {result.decision} undone; attributed now: {json.dumps(result.subjects)}")


@attribution_app.command("show")
@friendly
def show(account: str) -> None:
    """Show the person an account is attributed to, every account of that person, and the evidence."""
    with open_port(connected_settings()) as port:
        rows = service.subject_of(port, account)
    if not rows:
        raise fail(f"no person controls {account!r} yet: run `hub attribute` (accounts are written platform:handle)")
    console.print(f"[bold]{rows[0]['person']}[/]")
    for row in rows:
        console.print(f"  {row['account']}  confidence {row['confidence']:.3f}  ({row['method']})")
        for line in row["evidence"] or []:
            console.print(f"      {line}")


@attribution_app.command("history")
@friendly
def history(account: str) -> None:
    """Show every decision about an account, in force or undone."""
    with open_port(connected_settings()) as port:
        for row in decisions.history(port, account):
            state = "in force" if row["active"] else f"undone by {row['undone_by']}"
            console.print(f"{row['at']:%Y-%m-%d %H:%M} {row['kind']} {row['accounts']} by {row['by']}: "
                          f"{row['reason']} ({state}) [{row['id']}]")  # fmt: skip


@friendly
def export_attributions(
    out: Annotated[Optional[Path], typer.Option(help="File to write (default: standard output).")] = None,
) -> None:
    """One person per line: {"person": ID, "accounts": [{"platform": P, "handle": H, "confidence": C}, ...]}."""
    with open_port(connected_settings()) as port:
        rows = service.export_attributions(port)
        audit_export(port, what="attributions", ids=[row["person"] for row in rows], out=out)
    handle = out.open("w", encoding="utf-8") if out else sys.stdout
    try:
        for row in rows:
            handle.write(json.dumps({"person": row["person"], "accounts": row["accounts"]}, ensure_ascii=False) + "\n")
    finally:
        if out:
            handle.close()
            console.print(f"{len(rows)} people written to {out}")
