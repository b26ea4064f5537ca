"""Every query and mutation, for every role: allowed or refused as the access table says, never in between.

The matrix below is written out by hand, independently of `domain/access.py`, so a change of rights must be
made in both places on purpose; a root field missing from the matrix fails the test. Hostile requests
(batches, GET queries, depth, alias and token bombs, oversized bodies) are refused before they run.
"""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from fastapi.testclient import TestClient
from strawberry.extensions import ValidationCache

from api.app import create_app
from api.graphql.router import DOCUMENT_CACHE_SIZE, build_schema
from core.settings import Settings
from domain.access import Role
from graph.port import GraphPort
from tests.integration.api_helpers import GMP, headers, token_for

ALL = frozenset(Role)
READERS = frozenset({Role.FORCE_OFFICER, Role.HUB_OFFICER, Role.HUB_ANALYST, Role.HUB_LEAD})
SUBMITTERS = frozenset({Role.FORCE_OFFICER, Role.HUB_OFFICER, Role.INTAKE})
DEDUPE = frozenset({Role.HUB_OFFICER, Role.HUB_LEAD})
ATTRIBUTION = frozenset({Role.HUB_ANALYST, Role.HUB_LEAD})
CASEWORK = frozenset({Role.HUB_OFFICER, Role.HUB_LEAD})
AUDITORS = frozenset({Role.AUDITOR})
INTELLIGENCE = frozenset({Role.HUB_ANALYST, Role.HUB_LEAD})
PACKAGERS = frozenset({Role.FORCE_OFFICER, Role.HUB_OFFICER, Role.HUB_LEAD})

WHY = 'reason: "matrix test"'
QUERIES: dict[str, tuple[str, frozenset[Role]]] = {
    "health": ("{ health { ready } }", ALL),
    "me": ("{ me { user } }", ALL),
    "case": ('{ case(id: "case-x") { __typename } }', READERS),
    "report": ('{ report(id: "web:x") { __typename } }', READERS),
    "person": ('{ person(id: "p-x") { __typename } }', READERS),
    "account": ('{ account(id: "x:someone") { __typename } }', READERS),
    "contentItem": ('{ contentItem(key: "x:status:1") { __typename } }', READERS),
    "campaign": ('{ campaign(id: "c-x") { __typename } }', READERS),
    "platform": ('{ platform(id: "x") { __typename } }', READERS),
    "force": (f'{{ force(code: "{GMP}") {{ __typename }} }}', READERS),
    "cases": ("{ cases(first: 2) { __typename } }", READERS),
    "reports": ("{ reports(first: 2) { __typename } }", READERS),
    "accounts": ("{ accounts(first: 2) { __typename } }", READERS),
    "campaigns": ("{ campaigns(first: 2) { __typename } }", READERS),
    "repeatOffenders": ("{ repeatOffenders(first: 2) { __typename } }", READERS),
    "platforms": ("{ platforms { __typename } }", READERS),
    "forces": ("{ forces { __typename } }", READERS),
    "auditTrail": ("{ auditTrail(first: 2) { __typename } }", AUDITORS),
    "auditVerification": ("{ auditVerification { intact } }", AUDITORS),
    "guidance": ('{ guidance(situation: "doxxing") { __typename } }', READERS),
    "guidanceDocument": ('{ guidanceDocument(kind: "guidance", key: "doxxing") { __typename } }', READERS),
    "hateCrimeLeads": ("{ hateCrimeLeads { __typename } }", READERS),
    "caseGuidance": ('{ caseGuidance(caseId: "case-x") { __typename } }', READERS),
    "intelligenceReports": ("{ intelligenceReports(first: 2) { __typename } }", INTELLIGENCE),
    "intelligenceReport": ('{ intelligenceReport(id: "intel:x") { __typename } }', INTELLIGENCE),
    "disclosures": ("{ disclosures(first: 2) { __typename } }", INTELLIGENCE | AUDITORS),
    "complainantUpdates": ("{ complainantUpdates(first: 2, overdue: true) { __typename } }", READERS),
    "outbox": ("{ outbox(first: 2) { __typename } }", frozenset({Role.HUB_OFFICER})),
    "referrals": ("{ referrals(first: 2, overdue: true) { __typename } }", READERS),
    "referral": ('{ referral(id: "referral:x") { __typename } }', READERS),
    "evidencePackages": ('{ evidencePackages(caseId: "case-x") { __typename } }', PACKAGERS),
}
MUTATIONS: dict[str, tuple[str, frozenset[Role]]] = {
    "submitReport": ("submitReport(report: {}) { __typename }", SUBMITTERS),
    "confirmDuplicates": (f'confirmDuplicates(report: "a:1", other: "a:2", {WHY}) {{ __typename }}', DEDUPE),
    "rejectDuplicates": (f'rejectDuplicates(report: "a:1", other: "a:2", {WHY}) {{ __typename }}', DEDUPE),
    "splitReport": (f'splitReport(report: "a:1", {WHY}) {{ __typename }}', DEDUPE),
    "undoDuplicateDecision": (f'undoDuplicateDecision(decisionId: "d-x", {WHY}) {{ __typename }}', DEDUPE),
    "confirmAttribution": (f'confirmAttribution(account: "x:a", other: "x:b", {WHY}) {{ __typename }}', ATTRIBUTION),
    "rejectAttribution": (f'rejectAttribution(account: "x:a", other: "x:b", {WHY}) {{ __typename }}', ATTRIBUTION),
    "splitAccount": (f'splitAccount(account: "x:a", {WHY}) {{ __typename }}', ATTRIBUTION),
    "undoAttributionDecision": (f'undoAttributionDecision(decisionId: "d-x", {WHY}) {{ __typename }}', ATTRIBUTION),
    "shareCase": (f'shareCase(caseId: "case-x", force: "{GMP}", {WHY}) {{ __typename }}', CASEWORK),
    "unshareCase": (f'unshareCase(caseId: "case-x", force: "{GMP}", {WHY}) {{ __typename }}', CASEWORK),
    "overrideAssessment": (
        f'overrideAssessment(caseId: "case-x", field: "priority", value: "P1", {WHY}) {{ __typename }}', CASEWORK
    ),
    "undoOverride": (f'undoOverride(overrideId: "o-x", {WHY}) {{ __typename }}', CASEWORK),
    "reassignCase": (f'reassignCase(caseId: "case-x", force: "{GMP}", {WHY}) {{ __typename }}', CASEWORK),
    "undoReassignment": (f'undoReassignment(caseId: "case-x", {WHY}) {{ __typename }}', CASEWORK),
    "editGuidance": (f'editGuidance(kind: "guidance", key: "matrix_test", title: "t", body: "b", {WHY}) '
                     '{ __typename }', frozenset({Role.HUB_LEAD})),
    "draftIntelligenceReport": ('draftIntelligenceReport(subjectKind: "account", subjectId: "x:a") { __typename }',
                                INTELLIGENCE),
    "gradeIntelligenceReport": (f'gradeIntelligenceReport(id: "intel:x", source: "2", assessment: "B", handling: "P", '
                                f'{WHY}) {{ __typename }}', INTELLIGENCE),
    "exportIntelligence": ('exportIntelligence(recipient: "NIM", ids: ["intel:x"]) { __typename }', INTELLIGENCE),
    "sendComplainantUpdate": ('sendComplainantUpdate(updateId: "update:x") { __typename }',
                              frozenset({Role.HUB_OFFICER})),
    "recordContentRemoval": ('recordContentRemoval(itemKey: "x:status:1", note: "found gone") { message }', CASEWORK),
    "refreshComplainantUpdates": ("refreshComplainantUpdates { __typename }", frozenset({Role.HUB_OFFICER})),
    "draftReferrals": ('draftReferrals(caseId: "case-x") { __typename }', CASEWORK),
    "referCampaign": ('referCampaign(campaignId: "c-x") { __typename }', CASEWORK),
    "recordReferralEvent": ('recordReferralEvent(referralId: "referral:x", event: sent) { __typename }', CASEWORK),
    "generateEvidencePackage": ('generateEvidencePackage(caseId: "case-x") { __typename }', PACKAGERS),
}


def _root_fields(kind: str) -> set[str]:
    schema = build_schema(production=False)._schema
    root = schema.query_type if kind == "query" else schema.mutation_type
    return set(root.fields)


def test_the_matrix_covers_every_root_field() -> None:
    assert _root_fields("query") == set(QUERIES), "add new queries to the matrix with the roles allowed"
    assert _root_fields("mutation") == set(MUTATIONS), "add new mutations to the matrix with the roles allowed"


@pytest.fixture(scope="module")
def role_clients(neo4j_settings: Settings, session_port: GraphPort) -> Iterator[tuple[TestClient, dict[Role, dict]]]:
    session_port.write_autocommit("testing/delete_data")
    tokens = {
        role: headers(token_for(session_port, neo4j_settings, role, force=GMP if role is Role.FORCE_OFFICER else None))
        for role in Role
    }
    with TestClient(create_app(neo4j_settings)) as client:
        yield client, tokens
    session_port.write_autocommit("testing/delete_data")


def _refusal(errors: list[dict]) -> str | None:
    for error in errors or []:
        if " may not " in error["message"]:
            return error["message"]
    return None


CASES = [(name, role, "query") for name in QUERIES for role in Role] + [
    (name, role, "mutation") for name in MUTATIONS for role in Role
]


@pytest.mark.parametrize(("field", "role", "kind"), CASES, ids=[f"{k}-{f}-{r.value}" for f, r, k in CASES])
def test_each_role_is_allowed_or_refused_as_the_matrix_says(role_clients, field: str, role: Role, kind: str) -> None:
    client, tokens = role_clients
    document, allowed = (QUERIES if kind == "query" else MUTATIONS)[field]
    if kind == "mutation":
        document = f"mutation {{ {document} }}"
    answer = client.post("/graphql", json={"query": document}, headers=tokens[role])
    assert answer.status_code == 200, answer.text
    body = answer.json()
    refusal = _refusal(body.get("errors"))
    if role in allowed:
        assert refusal is None, f"{role.value} should be allowed {field}: {refusal}"
        for error in body.get("errors") or []:
            assert "Internal error" not in error["message"], error
    else:
        assert refusal is not None, f"{role.value} should be refused {field}: {body}"
        assert refusal.startswith(f"role {role.value} may not"), refusal
        assert (body.get("data") or {}).get(field) is None


def test_one_refused_field_refuses_nothing_else_but_leaks_nothing(role_clients) -> None:
    client, tokens = role_clients
    answer = client.post(
        "/graphql", json={"query": "{ me { user } cases(first: 1) { __typename } }"}, headers=tokens[Role.AUDITOR]
    ).json()
    assert answer["data"] is None or answer["data"].get("cases") is None
    assert _refusal(answer["errors"]) == "role auditor may not read cases, reports, people or accounts"


def test_batched_operations_are_refused(role_clients) -> None:
    client, tokens = role_clients
    batch = [{"query": "{ me { user } }"}, {"query": "{ cases(first: 1) { __typename } }"}]
    answer = client.post("/graphql", json=batch, headers=tokens[Role.AUDITOR])
    assert answer.status_code == 400
    assert "cases" not in answer.text


def test_queries_over_get_are_refused(role_clients) -> None:
    client, tokens = role_clients
    answer = client.get("/graphql", params={"query": "{ cases(first: 1) { __typename } }"}, headers=tokens[Role.HUB_LEAD])
    assert answer.status_code in {400, 405}
    assert '"cases"' not in answer.text


def test_depth_alias_and_token_bombs_are_refused_before_they_run(role_clients) -> None:
    client, tokens = role_clients
    lead = tokens[Role.HUB_LEAD]
    deep = "{ cases(first: 1) { edges { node { reports { case { reports { case { reports { case { id } } } } } } } } } }"
    for _ in range(2):  # the second time from the parse and validation caches: refused all the same
        answer = client.post("/graphql", json={"query": deep}, headers=lead).json()
        assert answer.get("data") is None and "exceeds maximum operation depth" in answer["errors"][0]["message"]
    aliases = "{ " + " ".join(f"a{n}: me {{ user }}" for n in range(30)) + " }"
    answer = client.post("/graphql", json={"query": aliases}, headers=lead).json()
    assert answer.get("data") is None and "aliases found" in answer["errors"][0]["message"].lower()
    tokens_bomb = "{ me { " + "user " * 2500 + "} }"
    for _ in range(2):
        answer = client.post("/graphql", json={"query": tokens_bomb}, headers=lead).json()
        assert answer.get("data") is None and "token" in answer["errors"][0]["message"].lower()


def test_a_document_sent_again_is_validated_from_the_cache(role_clients) -> None:
    client, tokens = role_clients
    cache = ValidationCache(maxsize=DOCUMENT_CACHE_SIZE).cached_validate_document  # shared by every request
    query = "query Again { cases(first: 2) { edges { node { id status } } } }"
    first = client.post("/graphql", json={"query": query}, headers=tokens[Role.HUB_LEAD]).json()
    before = cache.cache_info()
    for _ in range(3):
        again = client.post("/graphql", json={"query": query}, headers=tokens[Role.HUB_LEAD]).json()
        assert again == first
    after = cache.cache_info()
    assert after.hits - before.hits == 3 and after.misses == before.misses


def test_oversized_graphql_bodies_are_refused(role_clients) -> None:
    client, tokens = role_clients
    body = '{"query": "{ me { user } }", "variables": {"x": "' + "a" * (6 * 1024 * 1024) + '"}}'
    answer = client.post("/graphql", content=body, headers={**tokens[Role.HUB_LEAD], "Content-Type": "application/json"})
    assert answer.status_code == 413
