"""`hub export ...`: JSON Lines for other systems and for checking against ground truth."""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Annotated, Optional

import typer

from cli.common import audit_export, connected_settings, console, friendly, open_port
from graph.dedupe.cases import export_cases
from graph.networks import campaign_members, top_offenders

app = typer.Typer(help="Export cases and other results as JSON Lines.", no_args_is_help=True)


Out = Annotated[Optional[Path], typer.Option(help="File to write (default: standard output).")]


def write_lines(lines: list[dict], out: Path | None, what: str) -> None:
    """Write one JSON object per line to `out`, or to standard output."""
    handle = out.open("w", encoding="utf-8") if out else sys.stdout
    try:
        for line in lines:
            handle.write(json.dumps(line, ensure_ascii=False, default=str) + "\n")
    finally:
        if out:
            handle.close()
            console.print(f"{len(lines)} {what} written to {out}")


@app.command("cases")
@friendly
def cases(out: Out = None) -> None:
    """One case per line: {"case": ID, "reports": [{"source": S, "reference": R}, ...]}."""
    with open_port(connected_settings()) as port:
        rows = export_cases(port)
        audit_export(port, what="cases", ids=[row["case"] for row in rows], out=out)
    write_lines([{"case": row["case"], "reports": row["reports"]} for row in rows], out, "cases")


@app.command("campaigns")
@friendly
def campaigns(out: Out = None) -> None:
    """One campaign per line: {"campaign": ID, "accounts": [{"platform", "handle"}], "victims", "from", "to"}."""
    with open_port(connected_settings()) as port:
        rows = campaign_members(port)
        audit_export(port, what="campaigns", ids=[row["campaign"] for row in rows], out=out)
    lines = [
        {"campaign": row["campaign"], "kind": row["kind"],
         "accounts": [{"platform": a["platform"], "handle": a["handle"]} for a in row["accounts"]],
         "victims": row["victims"], "from": row["start"].isoformat(), "to": row["end"].isoformat(),
         "strength": row["strength"]}
        for row in rows
    ]
    write_lines(lines, out, "campaigns")


@app.command("offenders")
@friendly
def offenders(
    top: Annotated[int, typer.Option("--top", min=1, help="How many of each kind (accounts, persons).")] = 20,
    out: Out = None,
) -> None:
    """The top repeat offenders: {"subject", "kind", "rank", "score", "evidence"} per line."""
    with open_port(connected_settings()) as port:
        rows = top_offenders(port, limit=top)
        audit_export(port, what="offenders", ids=[row["subject"] for row in rows], out=out)
    write_lines(rows, out, "offenders")
