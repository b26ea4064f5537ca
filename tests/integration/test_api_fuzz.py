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


# -- no leak: a force officer's random queries never reach another force's data ------------------------------
LEAK_QUERY = """query ($filter: CaseFilter, $first: Int, $id: ID!, $account: ID!) {
  cases(filter: $filter, first: $first) { edges { node { id owningForce investigatingForce
    reports { id accounts { id reports { case { owningForce } } } } } } }
  case(id: $id) { id owningForce }
  account(id: $account) { id reports { case { owningForce } } network(depth: 2) { nodes { id kind } } }
}"""


@pytest.fixture(scope="module")
def two_force_client(neo4j_settings: Settings, session_port: GraphPort) -> Iterator[tuple[TestClient, dict, dict]]:
    from tests.integration.api_helpers import GMP
    from tests.integration.test_graphql_reads import case_of, two_forces

    session_port.write_autocommit("testing/delete_data")
    two_forces(session_port)
    officer = headers(token_for(session_port, neo4j_settings, Role.FORCE_OFFICER, force=GMP, user="fuzz-gmp"))
    cases = {reference: case_of(session_port, reference) for reference in ("G1", "G2", "W1", "W2", "W3")}
    with TestClient(create_app(neo4j_settings), raise_server_exceptions=False) as client:
        yield client, officer, cases
    session_port.write_autocommit("testing/delete_data")


filters = st.fixed_dictionaries({}, optional={
    "force": st.sampled_from(["E23000005", "E23000010", "HUB", "", "x" * 40]),
    "status": st.sampled_from(["open", "closed", ""]),
    "strand": st.sampled_from(["race", "religion", "disability", "nope"]),
    "platform": st.sampled_from(["x", "facebook", "tiktok", "?"]),
    "text": st.text(max_size=20),
    "classification": st.sampled_from(["crime", "nchi", "no_record"]),
    "priority": st.sampled_from(["P1", "P2", "P3", "P4"]),
})


@FUZZ
@given(case_filter=filters, first=st.integers(-3, 120), which=st.sampled_from(["G1", "G2", "W1", "W2", "W3"]),
       account=st.sampled_from(["x:shared_troll", "x:acc_w0", "x:acc_w1", "x:acc_g0", "x:dan_w", "x:nobody"]))
def test_a_force_officer_never_sees_another_forces_case(two_force_client, case_filter, first, which, account) -> None:
    from tests.integration.api_helpers import GMP

    client, officer, cases = two_force_client
    variables = {"filter": case_filter, "first": first, "id": cases[which], "account": account}
    answer = client.post("/graphql", json={"query": LEAK_QUERY, "variables": variables}, headers=officer)
    assert answer.status_code == 200, answer.text
    body = answer.json()
    for error in body.get("errors") or []:
        assert "Internal error" not in error["message"], error
    text = json.dumps(body.get("data"))
    for reference in ("W1", "W2", "W3"):
        assert cases[reference] not in text, f"WYP case {reference} leaked: {text[:300]}"
    assert "E23000010" not in text, f"WYP's code leaked: {text[:300]}"
    assert "acc_w" not in text and "dan_w" not in text, f"a WYP-only account leaked: {text[:300]}"
    data = body.get("data") or {}
    if data.get("cases"):
        assert all(edge["node"]["owningForce"] == GMP for edge in data["cases"]["edges"])
