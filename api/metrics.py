"""Prometheus metrics: requests by route and status, their latency, and refusals; served at /metrics."""

from __future__ import annotations

import os
import time

from prometheus_client import CollectorRegistry, Counter, Histogram, generate_latest, multiprocess
from prometheus_client.exposition import CONTENT_TYPE_LATEST
from starlette.requests import Request
from starlette.responses import Response
from starlette.types import ASGIApp, Message, Receive, Scope, Send

MULTIPROCESS_DIRECTORY = "PROMETHEUS_MULTIPROC_DIR"  # prometheus_client's own setting, read when it is imported
BUCKETS = (0.005, 0.01, 0.025, 0.05, 0.075, 0.1, 0.25, 0.5, 1.0, 2.5, 5.0, 10.0)


class Metrics:
    """One registry per application, so that several apps in one process (tests) do not collide."""

    def __init__(self) -> None:
        self.registry = CollectorRegistry()
        self.requests = Counter(
            "hub_http_requests", "HTTP requests answered", ["method", "route", "status"], registry=self.registry
        )
        self.latency = Histogram(
            "hub_http_request_duration_seconds", "Time to answer an HTTP request", ["method", "route"],
            buckets=BUCKETS, registry=self.registry,
        )

    def exposition(self, _request: Request) -> Response:
        """The /metrics endpoint's response in Prometheus text format.

        With several workers (`hub serve --workers`), each writes its counts to files in
        PROMETHEUS_MULTIPROC_DIR, and whichever worker answers sums them all.
        """
        directory = os.environ.get(MULTIPROCESS_DIRECTORY)
        if directory:
            registry = CollectorRegistry()
            multiprocess.MultiProcessCollector(registry, path=directory)
            return Response(generate_latest(registry), media_type=CONTENT_TYPE_LATEST)
        return Response(generate_latest(self.registry), media_type=CONTENT_TYPE_LATEST)


def route_label(path: str, status: int) -> str:
    """Return a low-cardinality label: the first two path segments, later ones (ids) as `{id}`.

    Not-found answers are `unmatched`, so scanning for paths cannot grow the metric without bound.
    """
    if status == 404:
        return "unmatched"
    parts = [part for part in path.split("/") if part]
    return "/" + "/".join(parts[:2] + ["{id}"] * min(len(parts) - 2, 2)) if parts else "/"


class MetricsMiddleware:
    """Counts and times every HTTP request by its route template (never the raw path, which holds ids)."""

    def __init__(self, app: ASGIApp, metrics: Metrics) -> None:
        self.app = app
        self.metrics = metrics

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        started = time.perf_counter()
        status = 500

        async def remember_status(message: Message) -> None:
            nonlocal status
            if message["type"] == "http.response.start":
                status = message["status"]
            await send(message)

        try:
            await self.app(scope, receive, remember_status)
        finally:
            route = route_label(scope.get("path", ""), status)
            method = scope.get("method", "")
            self.metrics.requests.labels(method, route, str(status)).inc()
            self.metrics.latency.labels(method, route).observe(time.perf_counter() - started)
