"""The FastAPI application: REST beside GraphQL; the driver opens and closes in the lifespan."""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

from fastapi import FastAPI
from fastapi.responses import JSONResponse

from api import reports
from api.deps import PortDep
from api.limits import BodySizeLimit
from api.graphql_schema import graphql_router
from core.settings import Settings
from graph.health import readiness
from graph.policies import load_policies
from graph.port import GraphPort


def create_app(settings: Settings) -> FastAPI:
    """Build the application for these settings; nothing connects until the lifespan starts."""

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        app.state.settings = settings
        app.state.policies = load_policies()  # validated at start: a bad policy file stops the server
        app.state.port = GraphPort(settings)
        try:
            yield
        finally:
            app.state.port.close()

    app = FastAPI(title="Online Hate Crime Hub", version="0.1.0", lifespan=lifespan)

    @app.get("/healthz", tags=["operations"], summary="The process is up")
    def healthz() -> dict[str, str]:
        return {"status": "ok"}

    @app.get("/readyz", tags=["operations"], summary="Neo4j is reachable and the schema migrated")
    def readyz(port: PortDep) -> JSONResponse:
        state = readiness(port)
        body = {"ready": state.ready, "neo4j": state.neo4j, "pending_migrations": state.pending_migrations}
        return JSONResponse(body, status_code=200 if state.ready else 503)

    app.include_router(reports.router)
    app.include_router(graphql_router(settings), prefix="/graphql")
    app.add_middleware(BodySizeLimit)
    _publish_contract(app)
    return app


def _publish_contract(app: FastAPI) -> None:
    """Put the intake contract into the OpenAPI document as the `Report` schema."""
    build = app.openapi

    def openapi() -> dict:
        if app.openapi_schema:
            return app.openapi_schema
        document = build()
        document.setdefault("components", {}).setdefault("schemas", {})["Report"] = reports.contract_schema()
        app.openapi_schema = document
        return document

    app.openapi = openapi  # type: ignore[method-assign]
