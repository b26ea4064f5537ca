"""GET /networks/{kind}/{id} and `hub viz` against the real graph: scope, access rules, redaction and the audit entry."""

from __future__ import annotations

import json
import re
from pathlib import Path
from urllib.parse import quote

import pytest
from fastapi.testclient import TestClient
from typer.testing import CliRunner

from cli.main import app as hub
from core.settings import Settings
from domain.access import Role
from graph.audit import search
from graph.port import GraphPort
from tests.integration.api_helpers import GMP, JUSTIFICATION, headers, token_for
from tests.integration.test_graphql_reads import SHARED, SUBJECT, app_client, ask, case_of, data, report_id, two_forces
from visualisations.offline import outside_references

__all__ = ["app_client"]  # the fixture, imported so that pytest finds it here

WYP_ONLY_ACCOUNTS = {"x:acc_w0", "x:acc_w1", "x:acc_w2", "x:dan_w"}
CSP = "default-src 'self' 'unsafe-inline'; img-src 'self' data:"


@pytest.fixture
def tokens(graph: GraphPort, neo4j_settings: Settings) -> dict[str, str]:
    two_forces(graph)
    return {
        "gmp": token_for(graph, neo4j_settings, Role.FORCE_OFFICER, force=GMP, user="officer-gmp"),
        "hub": token_for(graph, neo4j_settings, Role.HUB_OFFICER, user="hub-officer"),
        "analyst": token_for(graph, neo4j_settings, Role.HUB_ANALYST, user="hub-analyst"),
        "auditor": token_for(graph, neo4j_settings, Role.AUDITOR, user="auditor"),
    }


def shown(html: str) -> set[str]:
    """The ids of the nodes a page draws (each tooltip's second line)."""
    nodes = json.loads(re.findall(r"new vis\.DataSet\((.*?)\);\n", html)[0])
    return {item["title"].split("\n")[1].removeprefix("id: ") for item in nodes}


def page(client: TestClient, token: str | None, path: str, justification: str | None = JUSTIFICATION):
    return client.get(path, headers=headers(token, justification) if token else {})


def test_each_kind_renders_for_a_hub_role(graph: GraphPort, tokens: dict[str, str], app_client: TestClient) -> None:
    campaigns = data(ask(app_client, tokens["hub"], "{ campaigns { edges { node { id } } } }"))["campaigns"]["edges"]
    campaign = campaigns[0]["node"]["id"]
    g1_case, victim = case_of(graph, "G1"), f"{report_id('G1')}#reporter"
    expected = {
        f"/networks/account/{SHARED}?depth=1": {SHARED, report_id("G1"), report_id("W1"), "x"},
        f"/networks/person/{SUBJECT}?depth=1": {SUBJECT, "x:dan_g", "x:dan_w", f"{report_id('G1')}#subject0"},
        f"/networks/victim/{quote(victim)}?depth=2": {victim, report_id("G1"), g1_case, "x:acc_g0", SHARED, "x:dan_g"},
        f"/networks/case/{g1_case}?depth=2": {g1_case, report_id("G1"), victim, "x:acc_g0", SHARED, "x:dan_g"},
        f"/networks/campaign/{campaign}": {campaign, "x:acc_g0", "x:acc_g1", "x:acc_g2"} | WYP_ONLY_ACCOUNTS - {"x:dan_w"},
    }
    for path, wanted in expected.items():
        answer = page(app_client, tokens["hub"], path)
        assert answer.status_code == 200, (path, answer.text[:300])
        assert answer.headers["content-type"].startswith("text/html")
        assert answer.headers["content-security-policy"] == CSP
        assert wanted <= shown(answer.text), (path, wanted - shown(answer.text))
        assert outside_references(answer.text) == []
    one = shown(page(app_client, tokens["hub"], f"/networks/account/{SHARED}?depth=1").text)
    three = shown(page(app_client, tokens["hub"], f"/networks/account/{SHARED}?depth=3").text)
    assert one < three and {case_of(graph, "W1"), campaign} <= three - one, "deeper pages reach further"
    assert page(app_client, tokens["hub"], f"/networks/victim/{SUBJECT}").status_code == 404, "not a victim"
    assert page(app_client, tokens["hub"], f"/networks/case/{g1_case}?depth=4").status_code == 422


def test_a_gmp_officer_sees_only_what_gmp_cases_reach(graph: GraphPort, tokens: dict[str, str],
                                                      app_client: TestClient) -> None:
    wyp_case = case_of(graph, "W1")
    hidden = page(app_client, tokens["gmp"], f"/networks/case/{wyp_case}")
    missing = page(app_client, tokens["gmp"], "/networks/case/case:does-not-exist")
    assert hidden.status_code == missing.status_code == 404
    assert hidden.text.replace(wyp_case, "ID") == missing.text.replace("case:does-not-exist", "ID")
    assert page(app_client, tokens["hub"], f"/networks/case/{wyp_case}").status_code == 200
    assert page(app_client, tokens["gmp"], "/networks/account/x:acc_w0").status_code == 404

    mine = shown(page(app_client, tokens["gmp"], f"/networks/account/{SHARED}?depth=3").text)
    whole = shown(page(app_client, tokens["hub"], f"/networks/account/{SHARED}?depth=3").text)
    wyp_only = WYP_ONLY_ACCOUNTS | {wyp_case, report_id("W1"), f"{report_id('W1')}#reporter",
                                    f"{report_id('W1')}#subject0"}
    assert {report_id("G1"), case_of(graph, "G1"), "x:dan_g", SUBJECT} <= mine
    assert not mine & wyp_only, mine & wyp_only
    assert wyp_only - {"x:acc_w1", "x:acc_w2"} <= whole, "the hub's page of the same account has them"


def test_access_rules_and_the_audit_entry(graph: GraphPort, tokens: dict[str, str], app_client: TestClient) -> None:
    path = f"/networks/case/{case_of(graph, 'G1')}?depth=2"
    assert page(app_client, None, path).status_code == 401
    refused = page(app_client, tokens["auditor"], path)
    assert refused.status_code == 403 and "auditor may not read cases" in refused.text
    unjustified = page(app_client, tokens["hub"], path, justification=None)
    assert unjustified.status_code == 403 and "justification" in unjustified.text

    answer = page(app_client, tokens["hub"], path)
    assert answer.status_code == 200
    [entry] = [entry for entry in search(graph, actor="hub-officer") if entry["outcome"] == "done"]
    assert entry["operation"] == "consultation" and entry["target"] == f"GET {path}"
    assert set(entry["node_ids"]) == shown(answer.text) and entry["justification"] == JUSTIFICATION
    assert [entry["outcome"] for entry in search(graph, actor="auditor")] == ["refused: role auditor may not read "
                                                                               "cases, reports, people or accounts"]


def test_contact_details_only_for_roles_that_may_read_them(graph: GraphPort, tokens: dict[str, str],
                                                           app_client: TestClient) -> None:
    path = f"/networks/case/{case_of(graph, 'G1')}?depth=2"
    officer = page(app_client, tokens["hub"], path).text
    analyst = page(app_client, tokens["analyst"], path).text
    assert "amira@example.org" in officer and "+447700900001" in officer
    for secret in ("amira@example.org", "+447700900001", "M14 5RJ", "dan.kirby@example.org"):
        assert secret not in analyst, secret
    assert "contact details are withheld from the hub_analyst role" in analyst


def test_hub_viz_writes_the_page(graph: GraphPort, neo4j_settings: Settings, monkeypatch: pytest.MonkeyPatch,
                                 tmp_path: Path) -> None:
    two_forces(graph)
    monkeypatch.setenv("NEO4J_URI", neo4j_settings.bolt_uri)
    if neo4j_settings.neo4j_password:
        monkeypatch.setenv("NEO4J_PASSWORD", neo4j_settings.neo4j_password.get_secret_value())
    runner = CliRunner()
    out = tmp_path / "shared.html"
    result = runner.invoke(hub, ["viz", "account", SHARED, "--depth", "3", "--out", str(out)])
    assert result.exit_code == 0, result.output
    html = out.read_text()
    assert outside_references(html) == [] and "amira@example.org" not in html, "contacts withheld by default"
    assert {report_id("W1"), case_of(graph, "W1")} <= shown(html)

    as_gmp = tmp_path / "gmp.html"
    result = runner.invoke(hub, ["viz", "account", SHARED, "--depth", "3", "--as-force", GMP, "--out", str(as_gmp)])
    assert result.exit_code == 0, result.output
    assert not shown(as_gmp.read_text()) & (WYP_ONLY_ACCOUNTS | {report_id("W1"), case_of(graph, "W1")})
    refused = runner.invoke(hub, ["viz", "case", case_of(graph, "W1"), "--as-force", GMP, "--out", str(tmp_path / "x")])
    assert refused.exit_code == 1 and "no case" in refused.output and not (tmp_path / "x").exists()
    assert any(entry["target"].startswith("hub viz account") for entry in search(graph))
