"""`hub demo`: the platform on the embedded database, with demo data, in one command."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from cli import db
from cli.assess import policies
from cli.common import connected_settings, console, friendly, open_port
from cli.progress import progress_bar
from cli.serve import serve
from graph.networks import run_all
from loaders.load import load_files
from loaders.sources import count_lines

DEMO_REPORTS = 3000
DEMO_SEED = 2026


@friendly
def demo(
    port: Annotated[int, typer.Option(help="Port for the API.")] = 8000,
    reports: Annotated[int, typer.Option(help="How many demo reports to generate (once).")] = DEMO_REPORTS,
) -> None:
    """Start the embedded Neo4j, load demo data (idempotently), find networks, and serve the API."""
    from loaders.generate import write_generated_stream

    db.start(port=None, data_dir=None)
    config = connected_settings()
    folder = config.data_dir / "demo" / f"reports-{reports}-seed-{DEMO_SEED}"
    if not (folder / "truth.json").is_file():
        with console.status(f"generating {reports} demo reports..."):
            write_generated_stream(reports, DEMO_SEED, folder)
    source = folder / "reports.jsonl"
    with open_port(config, migrate=True) as graph, progress_bar("reports") as bar:
        task = bar.add_task("loading demo data", total=count_lines(Path(source)))
        summary = load_files(graph, [source], rejects=folder / "rejects.csv", batch_size=config.batch_size,
                             progress=lambda done: bar.advance(task, done), policies=policies())
        networks = run_all(graph)
    console.print(
        f"demo data: {summary.created} new, {summary.unchanged} already loaded; "
        f"{networks.campaigns} campaigns, {networks.communities} communities"
    )
    console.print("demo ready; Ctrl-C stops the API (`hub db stop` stops the database)")
    serve(host=None, port=port)
