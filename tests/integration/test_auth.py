"""Authentication at the door: bearer tokens and API keys, disabled users, rate limits, metrics, secrets."""

from __future__ import annotations

import pytest
from fastapi.testclient import TestClient

from api.app import create_app
from core.settings import ConfigurationError, Settings
from domain.access import Role
from graph.port import GraphPort
from graph.users import Authenticator, UserError, add_user, issue_api_key, revoke_api_key, set_active
from tests.integration.api_helpers import GMP, headers, token_for

ME = {"query": "{ me { user role force } }"}


def test_requests_without_a_valid_token_are_401(neo4j_settings: Settings, graph: GraphPort) -> None:
    with TestClient(create_app(neo4j_settings)) as client:
        missing = client.post("/graphql", json=ME)
        assert missing.status_code == 401 and "Bearer" in missing.json()["detail"]
        assert missing.headers["www-authenticate"] == "Bearer"
        bad = client.post("/graphql", json=ME, headers={"Authorization": "Bearer not.a.token"})
        assert bad.status_code == 401 and "not valid" in bad.json()["detail"]
        assert client.post("/api/reports", json={}).status_code == 401


def test_a_token_identifies_the_caller(neo4j_settings: Settings, graph: GraphPort) -> None:
    token = token_for(graph, neo4j_settings, Role.FORCE_OFFICER, force=GMP, user="j.smith")
    with TestClient(create_app(neo4j_settings)) as client:
        answer = client.post("/graphql", json=ME, headers=headers(token))
    assert answer.json() == {"data": {"me": {"user": "j.smith", "role": "force_officer", "force": GMP}}}


def test_disabling_a_user_stops_their_token(neo4j_settings: Settings, graph: GraphPort) -> None:
    token = token_for(graph, neo4j_settings, Role.HUB_LEAD, user="lead")
    with TestClient(create_app(neo4j_settings)) as client:
        client.app.state.authenticator.ttl_s = 0  # no caching: see the change at once
        assert client.post("/graphql", json=ME, headers=headers(token)).status_code == 200
        set_active(graph, user="lead", active=False, by="test")
        refused = client.post("/graphql", json=ME, headers=headers(token))
        assert refused.status_code == 401 and "disabled" in refused.json()["detail"]


def test_api_keys_work_until_revoked(neo4j_settings: Settings, graph: GraphPort) -> None:
    add_user(graph, user="web-form", role=Role.INTAKE, by="test")
    key_id, key = issue_api_key(graph, user="web-form", label="public web form")
    stored = graph.read("access/api_key", id=key_id)[0]
    assert key.split("_", 2)[2] not in str(stored), "the secret itself is never stored"
    with TestClient(create_app(neo4j_settings)) as client:
        client.app.state.authenticator.ttl_s = 0
        assert client.post("/graphql", json=ME, headers=headers(key, None)).json()["data"]["me"]["role"] == "intake"
        wrong = key[:-3] + ("aaa" if not key.endswith("aaa") else "bbb")
        assert client.post("/graphql", json=ME, headers=headers(wrong, None)).status_code == 401
        revoke_api_key(graph, key_id=key_id, by="test")
        refused = client.post("/graphql", json=ME, headers=headers(key, None))
        assert refused.status_code == 401 and "revoked" in refused.json()["detail"]


def test_users_are_validated(graph: GraphPort) -> None:
    with pytest.raises(UserError, match="bound to a force"):
        add_user(graph, user="x.officer", role=Role.FORCE_OFFICER, by="test")
    with pytest.raises(UserError, match="not a police force area"):
        add_user(graph, user="x.officer", role=Role.FORCE_OFFICER, force="E99999999", by="test")
    with pytest.raises(UserError, match="must be 2-64"):
        add_user(graph, user="Bad Name", role=Role.HUB_LEAD, by="test")
    add_user(graph, user="lead", role=Role.HUB_LEAD, by="test")
    with pytest.raises(UserError, match="already exists"):
        add_user(graph, user="lead", role=Role.HUB_ANALYST, by="test")


def test_a_role_change_invalidates_old_tokens(neo4j_settings: Settings, graph: GraphPort) -> None:
    token = token_for(graph, neo4j_settings, Role.HUB_LEAD, user="lead")
    graph.write("testing/set_user_role", id="lead", role="hub_analyst")
    from domain.tokens import InvalidToken

    with pytest.raises(InvalidToken, match="no longer matches"):
        Authenticator(graph, neo4j_settings.jwt_secret, ttl_s=0).authenticate(token)


def test_rate_limit_is_per_credential(neo4j_settings: Settings, graph: GraphPort) -> None:
    tight = neo4j_settings.model_copy(update={"rate_limit_per_minute": 60, "rate_limit_burst": 3})
    first = token_for(graph, tight, Role.HUB_LEAD, user="lead")
    second = token_for(graph, tight, Role.HUB_ANALYST, user="analyst")
    with TestClient(create_app(tight)) as client:
        answers = [client.post("/graphql", json=ME, headers=headers(first)).status_code for _ in range(5)]
        assert answers[:3] == [200, 200, 200] and answers[3:] == [429, 429]
        limited = client.post("/graphql", json=ME, headers=headers(first))
        assert int(limited.headers["retry-after"]) >= 1
        assert client.post("/graphql", json=ME, headers=headers(second)).status_code == 200


def test_each_worker_enforces_its_share_of_the_rate_limit(neo4j_settings: Settings, graph: GraphPort) -> None:
    shared = neo4j_settings.model_copy(update={"rate_limit_per_minute": 60, "rate_limit_burst": 6, "api_workers": 3})
    token = token_for(graph, shared, Role.HUB_LEAD, user="lead")
    with TestClient(create_app(shared)) as client:
        answers = [client.post("/graphql", json=ME, headers=headers(token)).status_code for _ in range(4)]
    assert answers == [200, 200, 429, 429]  # a burst of 6 shared by 3 workers: 2 each


def test_metrics_count_requests_by_route(neo4j_settings: Settings, graph: GraphPort) -> None:
    with TestClient(create_app(neo4j_settings)) as client:
        client.get("/healthz")
        client.post("/graphql", json=ME)
        text = client.get("/metrics").text
    assert 'hub_http_requests_total{method="GET",route="/healthz",status="200"} 1.0' in text
    assert 'hub_http_requests_total{method="POST",route="/graphql",status="401"} 1.0' in text
    assert "hub_http_request_duration_seconds_bucket" in text


@pytest.mark.parametrize("secret", [None, "short", "development-only-secret-change-me"])
def test_outside_development_the_server_refuses_a_default_or_weak_secret(neo4j_settings: Settings, secret) -> None:
    from pydantic import SecretStr

    config = neo4j_settings.model_copy(
        update={"environment": "production", "secret_key": SecretStr(secret) if secret else None}
    )
    with pytest.raises(ConfigurationError, match="HUB_SECRET_KEY"):
        create_app(config)


def test_introspection_is_off_in_production_and_graphiql_only_in_development(
    neo4j_settings: Settings, graph: GraphPort
) -> None:
    token = token_for(graph, neo4j_settings, Role.HUB_LEAD, user="lead")
    production = neo4j_settings.model_copy(update={"environment": "production"})
    query = {"query": "{ __schema { types { name } } }"}
    with TestClient(create_app(production)) as client:
        answer = client.post("/graphql", json=query, headers=headers(token)).json()
        assert answer.get("data") is None and "introspection" in answer["errors"][0]["message"].lower()
        assert client.get("/graphql", headers={"Accept": "text/html"}).status_code != 200
    development = neo4j_settings.model_copy(update={"environment": "development"})
    with TestClient(create_app(development)) as client:
        assert client.post("/graphql", json=query, headers=headers(token)).json()["data"]["__schema"]["types"]
        assert "graphiql" in client.get("/graphql", headers={"Accept": "text/html"}).text.lower()
