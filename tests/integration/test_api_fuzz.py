"""Fuzzing the entry points: random bodies and documents never cause a 5xx, a masked error, or a leak."""

from __future__ import annotations

import json
from collections.abc import Iterator

import pytest
from fastapi.testclient import TestClient
from hypothesis import HealthCheck, given, settings, strategies as st

from api.app import create_app
from core.settings import Settings
from domain.access import Role
from graph.port import GraphPort
from tests.integration.api_helpers import headers, token_for

FUZZ = settings(max_examples=150, deadline=None, suppress_health_check=list(HealthCheck))

json_values = st.recursive(
    st.none() | st.booleans() | st.integers(-(2**70), 2**70) | st.floats(allow_nan=False, allow_infinity=False) | st.text(max_size=40),
    lambda children: st.lists(children, max_size=5) | st.dictionaries(st.text(max_size=12), children, max_size=6),
    max_leaves=30,
)
REPORT_KEYS = ["source", "reference", "received_at", "reporter", "victims", "content", "suspects", "description",
               "targeted_characteristics", "incident", "indicators", "consent"]
report_like = st.dictionaries(st.sampled_from(REPORT_KEYS), json_values, max_size=len(REPORT_KEYS))

TOKENS = ["{", "}", "(", ")", ":", "$", "!", "...", "@", "[", "]", "query", "mutation", "fragment", "on", "me",
          "user", "role", "health", "ready", "__schema", "__typename", "types", "name", "a", "b", "alias:", "1",
          '"x"', "true", "null", "auditTrail", "edges", "node", "seq", "first:", "10", "-1", "99999999999"]
documents = st.lists(st.sampled_from(TOKENS), min_size=1, max_size=40).map(" ".join)


@pytest.fixture(scope="module")
def fuzz_client(neo4j_settings: Settings, session_port: GraphPort) -> Iterator[tuple[TestClient, dict, dict]]:
    session_port.write_autocommit("testing/delete_data")
    intake = token_for(session_port, neo4j_settings, Role.INTAKE, user="fuzz-intake")
    lead = token_for(session_port, neo4j_settings, Role.HUB_LEAD, user="fuzz-lead")
    with TestClient(create_app(neo4j_settings), raise_server_exceptions=False) as client:
        yield client, headers(intake, None), headers(lead)
    session_port.write_autocommit("testing/delete_data")


@FUZZ
@given(body=st.one_of(report_like, json_values, st.lists(report_like, max_size=3)))
def test_intake_answers_every_body_without_a_server_error(fuzz_client, body) -> None:
    client, intake, _ = fuzz_client
    answer = client.post("/api/reports", content=json.dumps(body), headers={**intake, "Content-Type": "application/json"})
    assert answer.status_code in {200, 201, 409, 413, 422}, answer.text
    if answer.status_code == 422:
        for problem in answer.json()["detail"]:
            assert problem["field"] and problem["reason"]


@FUZZ
@given(raw=st.binary(max_size=300))
def test_intake_answers_every_byte_string(fuzz_client, raw: bytes) -> None:
    client, intake, _ = fuzz_client
    answer = client.post("/api/reports", content=raw, headers={**intake, "Content-Type": "application/json"})
    assert answer.status_code in {200, 201, 409, 413, 422}, answer.text


@FUZZ
@given(document=documents, variables=st.dictionaries(st.text(max_size=8), json_values, max_size=3))
def test_graphql_answers_every_document_without_a_server_error(fuzz_client, document: str, variables) -> None:
    client, _, lead = fuzz_client
    answer = client.post("/graphql", json={"query": document, "variables": variables}, headers=lead)
    assert answer.status_code in {200, 400}, answer.text
    for error in answer.json().get("errors") or []:
        assert "Internal error" not in error["message"], (document, error)
