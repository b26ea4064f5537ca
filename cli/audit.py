"""`hub audit verify` and `hub audit export`: check and hand over the s62 audit trail."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Annotated

import typer

from cli.common import connected_settings, console, errors, fail, friendly, open_port
from graph.audit import entries, verify

app = typer.Typer(help="The audit trail: verify its hash chain, export it.", no_args_is_help=True)


@app.command("verify")
@friendly
def verify_command() -> None:
    """Recompute the hash chain; exit 1 and list every entry changed, removed or out of place."""
    with open_port(connected_settings()) as port:
        result = verify(port, progress=lambda done: errors.print(f"checked {done:,} entries", end="\r"))
    if result.intact:
        console.print(f"audit trail intact: {result.entries:,} entries, head {result.head_seq} {result.head_hash}")
        return
    for problem in result.problems:
        errors.print(f"[bold red]tampered:[/] {problem}")
    raise fail(f"audit trail broken: {len(result.problems)} problem(s) in {result.entries:,} entries", code=1)


@app.command("export")
@friendly
def export(out: Annotated[Path, typer.Option(help="JSON Lines file to write.")]) -> None:
    """Write every entry, in order, one JSON object per line (with its hash, so the copy can be verified)."""
    count = 0
    with open_port(connected_settings()) as port, out.open("w", encoding="utf-8") as handle:
        for entry in entries(port):
            record = {key: value for key, value in entry.items() if key != "at"}
            handle.write(json.dumps(record, ensure_ascii=False, sort_keys=True) + "\n")
            count += 1
    console.print(f"{count:,} audit entries written to {out}")
