"""The FastAPI application: REST beside GraphQL; the driver opens and closes in the lifespan."""

from __future__ import annotations

import logging
from collections.abc import AsyncIterator
from concurrent.futures import ThreadPoolExecutor
from contextlib import asynccontextmanager

from fastapi import FastAPI
from fastapi.responses import JSONResponse

from api import networks, packages, reports
from api.auth import RateLimiter
from api.deps import PortDep
from api.graphql.router import graphql_router
from api.limits import BodySizeLimit
from api.metrics import Metrics, MetricsMiddleware
from api.workbench import install as install_workbench
from core.settings import ConfigurationError, Settings
from graph.audit import AuditTrail
from graph.health import readiness
from graph.policies import load_policies
from graph.port import GraphPort
from graph.users import Authenticator

log = logging.getLogger(__name__)


def create_app(settings: Settings) -> FastAPI:
    """Build the application for these settings; nothing connects until the lifespan starts."""

    if settings.environment != "development":
        try:
            settings.require_real_secret()
        except ValueError as failure:
            raise ConfigurationError(str(failure)) from None
    elif settings.secret_key is None:
        log.warning("HUB_SECRET_KEY is not set: tokens are signed with the development key (development only)")

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        app.state.settings = settings
        app.state.policies = load_policies()  # validated at start: a bad policy file stops the server
        app.state.port = GraphPort(settings)
        app.state.audit = AuditTrail(app.state.port, commit_delay_s=settings.audit_commit_delay_ms / 1000)
        app.state.authenticator = Authenticator(app.state.port, settings.jwt_secret)
        app.state.rate_limiter = RateLimiter.share_of(settings.rate_limit_per_minute, settings.rate_limit_burst,
                                                      workers=settings.api_workers)
        app.state.executor = ThreadPoolExecutor(settings.api_threads, thread_name_prefix="graph")
        try:
            yield
        finally:
            app.state.audit.close()
            app.state.executor.shutdown(wait=True)
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

    metrics = Metrics()
    app.add_api_route(
        "/metrics", metrics.exposition, methods=["GET"], tags=["operations"], include_in_schema=True,
        summary="Prometheus metrics: requests by route and status, latency histograms",
    )
    app.include_router(reports.router)
    app.include_router(networks.router)
    app.include_router(packages.router)  # evidence package downloads (api/packages.py)
    app.include_router(graphql_router(settings), prefix="/graphql")
    install_workbench(app)  # the analyst's pages under /workbench (docs/workbench.md)
    app.add_middleware(BodySizeLimit)
    app.add_middleware(MetricsMiddleware, metrics=metrics)
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
