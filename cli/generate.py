"""`hub generate`: realistic reports with ground truth, for demos, tests and benchmarks."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from cli.common import console, fail, friendly


@friendly
def generate(
    reports: Annotated[int, typer.Option("--reports", min=1, help="How many reports.")] = 2000,
    seed: Annotated[int, typer.Option(help="Random seed: the same seed gives the same files.")] = 1,
    out: Annotated[Path, typer.Option(help="Folder for reports.jsonl and truth.json.")] = Path("out/generated"),
) -> None:
    """Write DIR/reports.jsonl (schema-valid) and DIR/truth.json (what the platform should find)."""
    from loaders.generate import write_generated_stream

    if out.exists() and not out.is_dir():
        raise fail(f"--out {out} is a file, not a folder")
    with console.status(f"generating {reports} reports (seed {seed})..."):
        reports_path, truth_path = write_generated_stream(reports, seed, out)
    console.print(f"wrote {reports_path} and {truth_path}")
