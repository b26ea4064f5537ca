"""`hub reference ...`: force areas and postcode districts, and the ONS postcode directory for exact lookups."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated, Optional

import typer

from cli.common import connected_settings, console, fail, friendly, open_port
from cli.progress import progress_bar
from graph import reference
from loaders.sources import count_lines

app = typer.Typer(help="Reference data: force areas, postcode districts, the ONS postcode directory.", no_args_is_help=True)


@app.command("seed")
@friendly
def seed() -> None:
    """Write the force areas and postcode districts from reference/ (idempotent; `hub db migrate` does it too)."""
    with open_port(connected_settings(), migrate=True) as port:
        try:
            summary = reference.seed_reference(port)
        except reference.ReferenceError as exc:
            raise fail(str(exc)) from None
    console.print(f"{summary.forces} force areas and {summary.districts} postcode districts in the graph")


@app.command("load-onspd")
@friendly
def load_onspd(
    file: Annotated[Path, typer.Argument(help="The ONS postcode directory CSV (columns pcds and pfa).")],
    rejects: Annotated[
        Optional[Path], typer.Option(help="Where refused rows are listed (default: FILE.rejects.csv beside it).")
    ] = None,
    batch_size: Annotated[int, typer.Option(min=1, help="Postcodes per transaction.")] = 5000,
) -> None:
    """Load exact postcode -> force mappings; malformed postcodes and unknown force codes are listed, not guessed."""
    if not file.is_file():
        raise fail(f"{file}: no such file")
    total = count_lines(file)
    with open_port(connected_settings(), migrate=True) as port, progress_bar("rows") as bar:
        task = bar.add_task("postcodes", total=total)
        try:
            summary = reference.load_onspd(port, file, batch_size=batch_size, progress=lambda n: bar.advance(task, n))
        except reference.ReferenceError as exc:
            raise fail(str(exc)) from None
    console.print(
        f"read {summary.read}: {summary.loaded} postcodes mapped exactly to a force; "
        f"{summary.malformed} malformed, {summary.unknown_force} with an unknown force code"
    )
    if summary.rejects:
        target = rejects or file.with_name(file.stem + ".rejects.csv")
        reference.write_rejects(summary, target)
        console.print(f"refused rows are listed in {target}")
