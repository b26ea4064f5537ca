"""`hub export ...`: JSON Lines for other systems and for checking against ground truth."""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Annotated, Optional

import typer

from cli.common import connected_settings, console, friendly, open_port
from graph.dedupe.cases import export_cases

app = typer.Typer(help="Export cases and other results as JSON Lines.", no_args_is_help=True)


@app.command("cases")
@friendly
def cases(out: Annotated[Optional[Path], typer.Option(help="File to write (default: standard output).")] = None) -> None:
    """One case per line: {"case": ID, "reports": [{"source": S, "reference": R}, ...]}."""
    with open_port(connected_settings()) as port:
        rows = export_cases(port)
    handle = out.open("w", encoding="utf-8") if out else sys.stdout
    try:
        for row in rows:
            handle.write(json.dumps({"case": row["case"], "reports": row["reports"]}, ensure_ascii=False) + "\n")
    finally:
        if out:
            handle.close()
            console.print(f"{len(rows)} cases written to {out}")
