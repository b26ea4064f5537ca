"""`hub serve --workers 2`: a real server of two worker processes, each with its own driver and audit writer.

Every request is counted in /metrics whichever worker answers it, and the two audit writers keep one chain.
"""

from __future__ import annotations

import os
import subprocess
import sys
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import httpx

from core.settings import Settings
from domain.access import Role
from graph.audit import search, verify
from graph.embedded import free_port
from graph.port import GraphPort
from tests.integration.api_helpers import headers, token_for

REFUSED = {"query": "query Trail { auditTrail { edges { cursor } } }"}  # a hub lead may not: logged as a refusal
ROUTE = 'hub_http_requests_total{method="POST",route="/graphql",status="200"}'


def _serve(settings: Settings, metrics: Path) -> tuple[subprocess.Popen, str]:
    port = free_port()
    environment = {
        **os.environ, "NEO4J_URI": settings.bolt_uri, "NEO4J_USER": settings.neo4j_user, "HUB_ENV": "test",
        "HUB_SECRET_KEY": settings.jwt_secret, "HUB_RATE_LIMIT_PER_MINUTE": "100000",
        "HUB_RATE_LIMIT_BURST": "10000", "PROMETHEUS_MULTIPROC_DIR": str(metrics),
    }
    if settings.neo4j_password:
        environment["NEO4J_PASSWORD"] = settings.neo4j_password.get_secret_value()
    server = subprocess.Popen(
        [sys.executable, "-m", "cli", "serve", "--port", str(port), "--workers", "2", "--no-access-log"],
        env=environment, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
    )
    base = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 90
    while time.monotonic() < deadline:
        try:
            if httpx.get(f"{base}/readyz", timeout=2).status_code == 200:
                return server, base
        except httpx.HTTPError:
            time.sleep(0.3)
    server.kill()
    raise AssertionError("hub serve --workers 2 did not become ready in 90 s")


def test_two_workers_count_every_request_and_keep_one_audit_chain(
    graph: GraphPort, neo4j_settings: Settings, tmp_path: Path
) -> None:
    lead = token_for(graph, neo4j_settings, Role.HUB_LEAD, user="lead")
    metrics = tmp_path / "metrics"
    metrics.mkdir()
    (metrics / "counter_1.db").write_bytes(b"a previous run's counts")  # removed at start, never summed
    server, base = _serve(neo4j_settings, metrics)

    def one(_: int) -> int:
        with httpx.Client(base_url=base, timeout=30) as client:  # a new connection: either worker may take it
            return client.post("/graphql", json=REFUSED, headers=headers(lead)).status_code

    sent = 0
    try:
        with ThreadPoolExecutor(8) as pool:
            while sent < 400:
                assert set(pool.map(one, range(40))) == {200}
                sent += 40
                if len({path.name.rsplit("_", 1)[1] for path in metrics.glob("counter_*.db")}) >= 2:
                    break
        workers = {path.name.rsplit("_", 1)[1] for path in metrics.glob("counter_*.db")}
        text = httpx.get(f"{base}/metrics", timeout=10).text
    finally:
        server.terminate()
        server.wait(timeout=30)
    assert len(workers) == 2, f"only one worker answered {sent} requests"
    counted = next(line for line in text.splitlines() if line.startswith(ROUTE))
    assert float(counted.rsplit(" ", 1)[1]) == sent  # both workers' counts, summed by whichever answered
    refusals = search(graph, actor="lead", limit=1000)
    assert len(refusals) == sent and all(row["outcome"].startswith("refused: ") for row in refusals)
    result = verify(graph)
    assert result.intact, result.problems


def test_with_workers_a_default_secret_is_refused_before_any_worker_starts(neo4j_settings: Settings) -> None:
    environment = {**os.environ, "NEO4J_URI": neo4j_settings.bolt_uri, "HUB_ENV": "production"}
    environment.pop("HUB_SECRET_KEY", None)
    if neo4j_settings.neo4j_password:
        environment["NEO4J_PASSWORD"] = neo4j_settings.neo4j_password.get_secret_value()
    done = subprocess.run(
        [sys.executable, "-m", "cli", "serve", "--port", str(free_port()), "--workers", "2"],
        env=environment, capture_output=True, text=True, timeout=60,
    )
    assert done.returncode != 0
    assert "HUB_SECRET_KEY" in done.stdout + done.stderr and "Started parent process" not in done.stderr
