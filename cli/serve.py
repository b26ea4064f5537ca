"""`hub serve`: the API and the workbench."""

from __future__ import annotations

import os
import shutil
import tempfile
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Optional

import typer

from cli.common import connected_settings, console, friendly

if TYPE_CHECKING:
    from fastapi import FastAPI


@friendly
def serve(
    host: Annotated[Optional[str], typer.Option(help="Interface to listen on (default: HUB_API_HOST).")] = None,
    port: Annotated[Optional[int], typer.Option(help="Port to listen on (default: HUB_API_PORT or 8000).")] = None,
    workers: Annotated[Optional[int], typer.Option(
        min=1, max=64, help="Worker processes, one per core the API may use (default: HUB_API_WORKERS or 1).")] = None,
    access_log: Annotated[bool, typer.Option(help="Log every request (uvicorn's access log).")] = True,
) -> None:
    """Serve the REST and GraphQL API (uvicorn) against the configured Neo4j."""
    import uvicorn

    from api.app import create_app
    from api.metrics import MULTIPROCESS_DIRECTORY

    config = connected_settings()
    host = host or config.api_host
    port = port or config.api_port
    workers = workers or config.api_workers
    console.print(f"serving on http://{host}:{port} (GraphQL at /graphql) against {config.bolt_uri}"
                  + (f", {workers} worker processes" if workers > 1 else ""))
    config = config.model_copy(update={"api_workers": workers})
    app = create_app(config)  # refuses bad settings (a default secret outside development) before any worker
    if workers == 1:
        uvicorn.run(app, host=host, port=port, log_level="info", access_log=access_log)
        return
    # Each worker is a fresh process that builds its app from the environment (`worker_app`): it learns how
    # many share the rate limit, and where every worker writes the metrics that /metrics sums (a folder the
    # operator names in PROMETHEUS_MULTIPROC_DIR, or a temporary one removed when the server stops).
    given = os.environ.get(MULTIPROCESS_DIRECTORY)
    metrics = given or tempfile.mkdtemp(prefix="hub-metrics-")
    for stale in Path(metrics).glob("*.db"):  # a previous run's counts (prometheus_client's files) would be summed
        stale.unlink()
    os.environ["HUB_API_WORKERS"] = str(workers)
    os.environ[MULTIPROCESS_DIRECTORY] = metrics
    try:
        uvicorn.run("cli.serve:worker_app", factory=True, workers=workers, host=host, port=port, log_level="info",
                    access_log=access_log)
    finally:
        if not given:
            shutil.rmtree(metrics, ignore_errors=True)


def worker_app() -> "FastAPI":
    """The application of one worker process of `hub serve --workers N` (uvicorn calls it in each)."""
    from api.app import create_app

    return create_app(connected_settings())
