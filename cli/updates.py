"""`hub updates refresh|list|send|outbox`: complainant updates on Victims' Code clocks, sent through the outbox."""

from __future__ import annotations

from datetime import datetime, timezone
from typing import Annotated, Optional

import typer

from cli.common import audit, connected_settings, console, errors, fail, friendly, open_port
from domain.access import HUB_SCOPE
from graph import update_sending, updates

app = typer.Typer(help="Complainant updates: one per key event of each report, due within the Victims' Code periods.",
                  no_args_is_help=True)

By = Annotated[str, typer.Option("--by", help="Who does it (recorded, and named in the audit trail).")]


def _moment(text: str | None) -> datetime:
    if not text:
        return datetime.now(timezone.utc)
    try:
        moment = datetime.fromisoformat(text)
    except ValueError:
        raise fail(f"--now {text!r} is not an ISO 8601 time such as 2026-11-16T09:00:00+00:00") from None
    if moment.tzinfo is None:
        raise fail(f"--now {text!r} needs a time zone offset, such as +00:00")
    return moment


@app.command("refresh")
@friendly
def refresh(
    now: Annotated[Optional[str], typer.Option("--now", help="The time to count from (ISO 8601); default now.")] = None,
    by: Annotated[str, typer.Option("--by", help="Who runs it (audit trail); default the login name.")] = "",
    case: Annotated[Optional[list[str]], typer.Option("--case", help="Only the reports of this case (repeatable).")] = None,
) -> None:
    """Find the key events of every report (or a case's) and write one update per event, each with its due time.

    Idempotent: only updates that are new or changed are written."""
    moment = _moment(now)
    with open_port(connected_settings(), migrate=True) as port:
        result = updates.refresh(port, moment, cases=case or None)
        audit(port, by=by, operation="alteration", command="updates refresh", node_ids=list(case or []),
              why=f"{result.new} new updates, {result.withdrawn} withdrawn, {result.written} written")
    counts = ", ".join(f"{count} {status}" for status, count in sorted(result.statuses.items())) or "none"
    console.print(f"{result.new} new updates, {result.withdrawn} withdrawn, {result.written} written; now {counts}")


@app.command("list")
@friendly
def list_updates(
    overdue: Annotated[bool, typer.Option("--overdue", help="Only updates due and past their due time.")] = False,
    case: Annotated[Optional[str], typer.Option("--case", help="Only the updates of this case.")] = None,
    status: Annotated[Optional[str], typer.Option("--status", help="due, sent, not_contactable or withdrawn.")] = None,
    now: Annotated[Optional[str], typer.Option("--now", help="The time overdue is judged at; default now.")] = None,
    limit: Annotated[int, typer.Option("--limit", min=1, max=10_000, help="At most this many.")] = 200,
) -> None:
    """List updates, due ones first (earliest due first, so the overdue lead), with why any cannot be sent."""
    moment = _moment(now)
    if status is not None and status not in updates.STATUSES:
        raise fail(f"--status is one of {', '.join(updates.STATUSES)}, not {status!r}")
    with open_port(connected_settings()) as port:
        rows = updates.list_updates(port, scope=HUB_SCOPE, now=moment, case=case, status=status,
                                    overdue=overdue, limit=limit)
        audit(port, by="", operation="consultation", command="updates list", node_ids=[row["id"] for row in rows])
    for row in rows:
        late = "  OVERDUE" if row["overdue"] else ""
        console.print(f"{row['id']}  {row['event']}  report {row['report']}  case {row['case']}  {row['status']}{late}")
        enhanced = f" (enhanced: {row['enhanced_reason']})" if row["enhanced"] else ""
        console.print(f"  due by {row['due_by']:%Y-%m-%d %H:%M} UTC, {row['working_days']} working days "
                      f"after {row['event_at']:%Y-%m-%d %H:%M}{enhanced}")
        if row["not_contactable_reason"]:
            console.print(f"  not contactable: {row['not_contactable_reason']}")
        if row["withdrawn_reason"]:
            console.print(f"  withdrawn: {row['withdrawn_reason']}")
        if row["sent_at"]:
            console.print(f"  sent by {row['sent_by']} at {row['sent_at']:%Y-%m-%d %H:%M}")
    console.print(f"{len(rows)} updates")


@app.command("send")
@friendly
def send(
    ids: Annotated[Optional[list[str]], typer.Argument(help="Update ids (update:...).")] = None,
    by: By = "",
    all_due: Annotated[bool, typer.Option("--all-due", help="Send every update that is due.")] = False,
) -> None:
    """Send updates through the configured sender (HUB_UPDATE_SENDER; the outbox by default), marking them sent."""
    if not by.strip():
        raise fail("--by is needed: say who sends the updates")
    if bool(ids) == all_due:
        raise fail("give update ids, or --all-due, not both")
    config = connected_settings()
    with open_port(config, migrate=True) as port:
        wanted = update_sending.due_ids(port) if all_due else list(ids or [])
        outcomes = update_sending.send_updates(port, wanted, by=by, sender=update_sending.sender_for(config, port))
        for outcome in outcomes:
            if outcome.outcome == "sent":
                audit(port, by=by, operation="disclosure", command="updates send",
                      node_ids=[outcome.id, outcome.message or "", outcome.case or ""],
                      recipient=outcome.complainant or "complainant")
    for outcome in outcomes:
        (console if outcome.outcome in ("sent", "already") else errors).print(f"{outcome.id}: {outcome.detail}")
    sent = sum(outcome.outcome == "sent" for outcome in outcomes)
    console.print(f"{sent} sent")
    if any(outcome.outcome in ("unknown", "refused") for outcome in outcomes):
        raise typer.Exit(1)


@app.command("outbox")
@friendly
def show_outbox(limit: Annotated[int, typer.Option("--limit", min=1, max=1000, help="At most this many.")] = 20) -> None:
    """Show the newest messages the outbox sender wrote: to, channel, subject and words."""
    with open_port(connected_settings()) as port:
        rows = updates.outbox(port, scope=HUB_SCOPE, limit=limit)
        audit(port, by="", operation="consultation", command="updates outbox", node_ids=[row["id"] for row in rows])
    for row in rows:
        console.print(f"{row['id']}  {row['created_at']:%Y-%m-%d %H:%M}  {row['channel']} to {row['to']}")
        console.print(f"  Subject: {row['subject']}")
        for line in row["body"].splitlines():
            console.print(f"    {line}")
    console.print(f"{len(rows)} messages")
