"""POST /api/reports: new or not, 409 on conflict, 422 with field paths, size limits; nothing half-written."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from api.app import create_app
from core.settings import Settings
from graph.port import GraphPort
from domain.access import Role
from tests.integration.api_helpers import token_for
from tests.integration.graph_helpers import fingerprint

SAMPLE = [json.loads(line) for line in (Path(__file__).resolve().parents[1] / "fixtures" / "reports.sample.jsonl").open()]


@pytest.fixture
def client(neo4j_settings: Settings, graph: GraphPort) -> Iterator[TestClient]:
    token = token_for(graph, neo4j_settings, Role.INTAKE, user="web-form")
    with TestClient(create_app(neo4j_settings), headers={"Authorization": f"Bearer {token}"}) as test_client:
        yield test_client


def test_one_report_is_new_then_not(client: TestClient, graph: GraphPort) -> None:
    first = client.post("/api/reports", json=SAMPLE[0])
    assert first.status_code == 201, first.text
    assert first.json() == {
        "id": "public_web_form:WEB-2026-000101", "source": "public_web_form",
        "reference": "WEB-2026-000101", "new": True, "status": "created",
    }
    again = client.post("/api/reports", json=SAMPLE[0])
    assert again.status_code == 200 and again.json()["new"] is False


def test_batch_reports_each_outcome(client: TestClient) -> None:
    client.post("/api/reports", json=SAMPLE[0])
    answer = client.post("/api/reports", json=SAMPLE)
    assert answer.status_code == 201
    assert [result["new"] for result in answer.json()["results"]] == [False, True, True, True, True]


def test_conflict_is_409_and_the_whole_batch_is_refused(client: TestClient, graph: GraphPort) -> None:
    client.post("/api/reports", json=SAMPLE[0])
    before = fingerprint(graph)
    changed = {**SAMPLE[0], "description": "something else"}
    answer = client.post("/api/reports", json=[SAMPLE[1], changed])
    assert answer.status_code == 409
    assert answer.json()["detail"][0]["reference"] == "WEB-2026-000101"
    assert fingerprint(graph) == before, "a refused batch wrote nothing"


def test_validation_error_is_422_with_field_path(client: TestClient, graph: GraphPort) -> None:
    bad = json.loads(json.dumps(SAMPLE[0]))
    bad["content"][0]["audience_size"] = -5
    answer = client.post("/api/reports", json=[SAMPLE[1], bad])
    assert answer.status_code == 422
    detail = answer.json()["detail"]
    assert detail == [{"index": 1, "reference": "WEB-2026-000101", "field": "content[0].audience_size", "reason": detail[0]["reason"]}]
    assert "0" in detail[0]["reason"]
    assert fingerprint(graph).get("node:Report", 0) == 0


def test_malformed_json_and_empty_batch_are_422(client: TestClient) -> None:
    assert client.post("/api/reports", content=b"{nope", headers={"content-type": "application/json"}).status_code == 422
    assert client.post("/api/reports", json=[]).status_code == 422


def test_oversized_body_and_batch_are_refused(client: TestClient) -> None:
    huge = b'{"description": "' + b"x" * (6 * 1024 * 1024) + b'"}'
    assert client.post("/api/reports", content=huge, headers={"content-type": "application/json"}).status_code == 413
    many = [{**SAMPLE[0], "reference": f"R-{index}"} for index in range(501)]
    assert client.post("/api/reports", json=many).status_code == 413


def test_openapi_publishes_the_contract(client: TestClient) -> None:
    document = client.get("/openapi.json").json()
    assert document["components"]["schemas"]["Report"]["required"] == ["reference", "source", "received_at", "reporter", "description"]


def test_new_reports_are_logged_as_collection_and_repeats_are_not(client: TestClient, graph: GraphPort) -> None:
    from graph.audit import search, verify

    client.post("/api/reports", json=SAMPLE[:2])
    client.post("/api/reports", json=SAMPLE[:2])
    entries = search(graph, actor="web-form")
    assert len(entries) == 1
    assert entries[0]["operation"] == "collection" and entries[0]["role"] == "intake"
    assert entries[0]["node_ids"] == sorted(f"{record['source']}:{record['reference']}" for record in SAMPLE[:2])
    assert verify(graph).intact


def test_a_role_that_may_not_submit_is_403(neo4j_settings: Settings, graph: GraphPort) -> None:
    token = token_for(graph, neo4j_settings, Role.HUB_ANALYST, user="analyst")
    with TestClient(create_app(neo4j_settings), headers={"Authorization": f"Bearer {token}"}) as analyst:
        answer = analyst.post("/api/reports", json=SAMPLE[0])
    assert answer.status_code == 403 and answer.json()["detail"] == "role hub_analyst may not submit reports"
    assert fingerprint(graph).get("node:Report", 0) == 0
