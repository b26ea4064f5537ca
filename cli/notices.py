"""`hub notices list|export|mark-sent`: the assignment notices to forces' hate crime leads."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Annotated, Optional

import typer

from cli.common import connected_settings, console, errors, fail, friendly, open_port
from graph import notices

app = typer.Typer(help="Assignment notices to forces' hate crime leads (written when a case's owner is set or changes).",
                  no_args_is_help=True)

Force = Annotated[Optional[str], typer.Option("--force", help="Only notices for this force code (or HUB).")]
Status = Annotated[Optional[str], typer.Option("--status", help="Only notices in this status: pending or sent.")]


def _checked_status(status: str | None) -> str | None:
    if status is not None and status not in notices.STATUSES:
        raise fail(f"--status is one of {', '.join(notices.STATUSES)}, not {status!r}")
    return status


@app.command("list")
@friendly
def list_notices(force: Force = None, status: Status = None) -> None:
    """List the notices, oldest first: id, case, force (previous), status, addressee and why."""
    wanted = _checked_status(status)
    with open_port(connected_settings()) as port:
        rows = notices.list_notices(port, force=force, status=wanted)
    for row in rows:
        moved = f"{row['previous']} -> {row['force']}" if row["previous"] else f"-> {row['force']}"
        console.print(f"{row['id']}  case {row['case']}  {moved}  {row['status']}  {row['at']:%Y-%m-%d %H:%M}")
        console.print(f"  to {row['to']['name']} <{row['to']['email']}> {row['to']['phone']}")
        console.print(f"  {row['kind']} by {row['by']}: {row['reason']}")
    console.print(f"{len(rows)} notices")


@app.command("export")
@friendly
def export(
    out: Annotated[Path, typer.Option("--out", help="JSON Lines file to write: one notice with its text a line.")],
    force: Force = None,
    status: Status = None,
) -> None:
    """Write each notice, with the text its lead receives, as JSON Lines."""
    wanted = _checked_status(status)
    with open_port(connected_settings()) as port:
        lines = notices.export_lines(port, force=force, status=wanted)
    with out.open("w", encoding="utf-8") as handle:
        for line in lines:
            handle.write(json.dumps(line, ensure_ascii=False) + "\n")
    console.print(f"{len(lines)} notices written to {out}")


@app.command("mark-sent")
@friendly
def mark_sent(
    ids: Annotated[list[str], typer.Argument(help="Notice ids (notice:...).")],
    by: Annotated[str, typer.Option("--by", help="Who sent them (recorded).")],
) -> None:
    """Mark notices as sent (status 'sent', sent_at, sent_by); one already sent keeps its first record."""
    with open_port(connected_settings(), migrate=True) as port:
        found, unknown = notices.mark_sent(port, ids, by=by)
    for row in found:
        state = f"already sent by {row['sent_by']}" if row["already"] else f"marked sent by {row['sent_by']}"
        console.print(f"{row['id']}: {state} at {row['sent_at']:%Y-%m-%d %H:%M}")
    if unknown:
        errors.print(f"[bold red]error:[/] no such notice: {', '.join(unknown)}")
        raise typer.Exit(1)
