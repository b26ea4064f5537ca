"""The API answers /healthz, /readyz and a GraphQL health query against the real database."""

from __future__ import annotations

from fastapi.testclient import TestClient

from api.app import create_app
from core.settings import Settings
from domain.access import Role
from graph.port import GraphPort
from tests.integration.api_helpers import headers, token_for


def test_health_endpoints_and_graphql(neo4j_settings: Settings, graph: GraphPort) -> None:
    token = token_for(graph, neo4j_settings, Role.AUDITOR)
    with TestClient(create_app(neo4j_settings), headers=headers(token, None)) as client:
        assert client.get("/healthz").json() == {"status": "ok"}
        ready = client.get("/readyz")
        assert ready.status_code == 200, ready.text
        assert ready.json()["ready"] is True
        answer = client.post("/graphql", json={"query": "{ health { ready neo4j pendingMigrations } }"})
        assert answer.json() == {"data": {"health": {"ready": True, "neo4j": "reachable", "pendingMigrations": []}}}


def test_readyz_is_503_when_neo4j_is_unreachable(neo4j_settings: Settings) -> None:
    unreachable = neo4j_settings.model_copy(update={"neo4j_uri": "bolt://127.0.0.1:1", "neo4j_connect_timeout_s": 2})
    with TestClient(create_app(unreachable)) as client:
        assert client.get("/healthz").status_code == 200
        answer = client.get("/readyz")
        assert answer.status_code == 503
        assert "NEO4J_URI" in answer.json()["neo4j"]
