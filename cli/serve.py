"""`hub serve`: the API and the workbench."""

from __future__ import annotations

from typing import Annotated, Optional

import typer

from cli.common import connected_settings, console, friendly


@friendly
def serve(
    host: Annotated[Optional[str], typer.Option(help="Interface to listen on (default: HUB_API_HOST).")] = None,
    port: Annotated[Optional[int], typer.Option(help="Port to listen on (default: HUB_API_PORT or 8000).")] = None,
    access_log: Annotated[bool, typer.Option(help="Log every request (uvicorn's access log).")] = True,
) -> None:
    """Serve the REST and GraphQL API (uvicorn) against the configured Neo4j."""
    import uvicorn

    from api.app import create_app

    config = connected_settings()
    host = host or config.api_host
    port = port or config.api_port
    console.print(f"serving on http://{host}:{port} (GraphQL at /graphql) against {config.bolt_uri}")
    uvicorn.run(create_app(config), host=host, port=port, log_level="info", access_log=access_log)
