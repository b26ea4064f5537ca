"""`hub demo`: the platform on the embedded database, with demo data, in one command."""

from __future__ import annotations

from typing import Annotated

import typer

from cli import db
from cli.common import console, friendly
from cli.serve import serve


@friendly
def demo(
    port: Annotated[int, typer.Option(help="Port for the API.")] = 8000,
) -> None:
    """Start the embedded Neo4j, apply migrations and serve the API on it."""
    db.start(port=None, data_dir=None)
    console.print("demo ready; Ctrl-C stops the API (`hub db stop` stops the database)")
    serve(host=None, port=port)
