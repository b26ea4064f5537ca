"""`hub db ...`: the embedded Neo4j and the schema."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated, Optional

import typer

from cli.common import connected_settings, console, friendly, open_port, settings
from graph import migrations
from graph.embedded import EmbeddedNeo4j
from graph.health import counts
from core.settings import Settings

app = typer.Typer(help="Start, stop and inspect the embedded Neo4j; apply schema migrations.", no_args_is_help=True)

PortOption = Annotated[Optional[int], typer.Option("--port", help="Bolt port (default: HUB_NEO4J_PORT or 7687).")]
DataDirOption = Annotated[
    Optional[Path], typer.Option("--data-dir", help="Folder for the store and logs (default: HUB_DATA_DIR or .hub).")
]


def _embedded(port: int | None, data_dir: Path | None) -> EmbeddedNeo4j:
    config = settings()
    return EmbeddedNeo4j(config, data_dir=data_dir, port=port)


@app.command()
@friendly
def start(port: PortOption = None, data_dir: DataDirOption = None) -> None:
    """Start the embedded Neo4j in the background, wait until Bolt answers, and apply migrations."""
    config = settings()
    if not config.is_embedded:
        console.print(f"NEO4J_URI is set ({config.bolt_uri}): nothing to start here; `hub db migrate` prepares it.")
        return
    database = _embedded(port, data_dir)
    uri, started = database.start(say=console.print)
    if not started:
        console.print(f"already running at {uri} (data: {database.home})")
        return
    applied = _migrate(database.connection_settings(uri))
    console.print(f"started Neo4j at {uri} (data: {database.home}; log: {database.log_file}); {applied}")


@app.command()
@friendly
def stop(data_dir: DataDirOption = None) -> None:
    """Stop the embedded Neo4j cleanly."""
    database = _embedded(None, data_dir)
    if database.stop():
        console.print("stopped")
    else:
        console.print("not running")


@app.command()
@friendly
def status(data_dir: DataDirOption = None) -> None:
    """Show whether the database runs, its URI, store size and counts; exit 0 only when running."""
    config = settings()
    if config.is_embedded:
        state = _embedded(None, data_dir).status()
        if not state.running:
            console.print(f"not running (data: {state.data_dir}; store {state.store_bytes / 1e6:.1f} MB)")
            raise typer.Exit(1)
        config = _embedded(None, data_dir).connection_settings(state.uri)
        where = f"embedded, pid {state.pid}, data {state.data_dir}, store {state.store_bytes / 1e6:.1f} MB"
    else:
        where = "external (NEO4J_URI)"
    with open_port(config) as port:
        totals = counts(port)
    console.print(f"running at {config.bolt_uri} ({where}): {totals['nodes']} nodes, {totals['relationships']} relationships")


@app.command()
@friendly
def migrate() -> None:
    """Apply pending schema migrations (constraints and indexes), idempotently."""
    console.print(_migrate(connected_settings()))


def _migrate(config: Settings) -> str:
    with open_port(config) as port:
        applied = migrations.migrate(port)
    if not applied:
        return "schema up to date"
    return "applied migrations " + ", ".join(f"V{m.version:03d}__{m.name}" for m in applied)
