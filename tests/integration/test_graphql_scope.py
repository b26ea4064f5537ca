"""Scope against hostile queries: a GMP force officer sees GMP's cases and what they reach, nothing of WYP's.

Every check has its counterpart for the hub (who sees both forces), so that each assertion can fail.
"""

from __future__ import annotations

import pytest
from fastapi.testclient import TestClient

from core.settings import Settings
from domain.access import Role
from graph.port import GraphPort
from tests.integration.api_helpers import GMP, WYP, token_for
from tests.integration.test_graphql_reads import SHARED, SUBJECT, app_client, ask, case_of, data, report_id, two_forces

__all__ = ["app_client"]  # the fixture, imported so that pytest finds it here


@pytest.fixture
def tokens(graph: GraphPort, neo4j_settings: Settings) -> dict[str, str]:
    two_forces(graph)
    return {
        "gmp": token_for(graph, neo4j_settings, Role.FORCE_OFFICER, force=GMP),
        "hub": token_for(graph, neo4j_settings, Role.HUB_OFFICER),
        "analyst": token_for(graph, neo4j_settings, Role.HUB_ANALYST),
        "auditor": token_for(graph, neo4j_settings, Role.AUDITOR),
    }


def both(client: TestClient, tokens: dict[str, str], query: str, variables: dict | None = None) -> tuple[dict, dict]:
    """The same query as the GMP officer and as a hub officer."""
    return data(ask(client, tokens["gmp"], query, variables)), data(ask(client, tokens["hub"], query, variables))


def test_lists_show_only_gmp_cases(graph: GraphPort, tokens: dict[str, str], app_client: TestClient) -> None:
    query = "{ cases(first: 100) { edges { node { id owningForce } } } reports(first: 100) { edges { node { id } } } }"
    gmp, hub = both(app_client, tokens, query)
    assert {edge["node"]["owningForce"] for edge in gmp["cases"]["edges"]} == {GMP}
    assert len(gmp["cases"]["edges"]) == 3 and len(hub["cases"]["edges"]) == 6
    assert {edge["node"]["id"] for edge in gmp["reports"]["edges"]} == {report_id(r) for r in ("G1", "G2", "G3")}
    wyp = data(ask(app_client, tokens["gmp"], '{ cases(filter: {force: "%s"}) { edges { node { id } } } }' % WYP))
    assert wyp["cases"]["edges"] == []
    force = data(ask(app_client, tokens["gmp"], '{ force(code: "%s") { cases { edges { node { id } } } } }' % WYP))
    assert force["force"]["cases"]["edges"] == [], "WYP's force node is reference data, its cases are not"


def test_wyp_nodes_by_id_are_null(graph: GraphPort, tokens: dict[str, str], app_client: TestClient) -> None:
    query = """query ($case: ID!, $report: ID!, $person: ID!, $account: ID!) {
      case(id: $case) { id } report(id: $report) { id } person(id: $person) { id } account(id: $account) { id } }"""
    hub_view = data(ask(app_client, tokens["hub"], "query ($id: ID!) { report(id: $id) { reporter { id } } }",
                        {"id": report_id("W2")}))
    ids = {"case": case_of(graph, "W2"), "report": report_id("W2"), "person": hub_view["report"]["reporter"]["id"],
           "account": "x:acc_w1"}
    gmp, hub = both(app_client, tokens, query, ids)
    assert gmp == {"case": None, "report": None, "person": None, "account": None}
    assert all(hub[kind] is not None for kind in ids)
    missing = data(ask(app_client, tokens["gmp"], query, {**ids, "case": "case:does-not-exist"}))
    assert missing == gmp, "a case out of scope answers exactly as one that does not exist"


def test_aliases_and_fragments_do_not_reach_the_wyp_case(graph: GraphPort, tokens: dict[str, str],
                                                          app_client: TestClient) -> None:
    query = """query ($mine: ID!, $theirs: ID!) {
      mine: case(id: $mine) { ...Detail } theirs: case(id: $theirs) { ...Detail }
      also: cases(filter: {text: "Wendy"}) { edges { node { ...Detail } } } }
    fragment Detail on Case { id reports { id description } }"""
    variables = {"mine": case_of(graph, "G1"), "theirs": case_of(graph, "W1")}
    gmp, hub = both(app_client, tokens, query, variables)
    assert gmp["mine"]["id"] == variables["mine"] and gmp["theirs"] is None and gmp["also"]["edges"] == []
    assert hub["theirs"]["id"] == variables["theirs"] and len(hub["also"]["edges"]) == 1


def test_a_shared_account_shows_only_gmp_reports_and_items(graph: GraphPort, tokens: dict[str, str],
                                                            app_client: TestClient) -> None:
    query = """query ($id: ID!) { account(id: $id) { id reports { id case { id owningForce } }
      contentItems { key reports { id } } } }"""
    gmp, hub = both(app_client, tokens, query, {"id": SHARED})
    assert [report["id"] for report in gmp["account"]["reports"]] == [report_id("G1")]
    assert {report["case"]["owningForce"] for report in gmp["account"]["reports"]} == {GMP}
    assert len(gmp["account"]["contentItems"]) == 1 and len(hub["account"]["contentItems"]) == 2
    assert {report["id"] for report in hub["account"]["reports"]} == {report_id("G1"), report_id("W1")}


def test_nested_traversal_does_not_cross_into_wyp(graph: GraphPort, tokens: dict[str, str],
                                                  app_client: TestClient) -> None:
    query = """query ($id: ID!) { report(id: $id) { accounts { id reports { id case { id owningForce
      reports { accounts { reports { case { owningForce } } } } } } } } }"""
    gmp, hub = both(app_client, tokens, query, {"id": report_id("G1")})

    def forces(answer: dict) -> set[str]:
        found = set()
        for account in answer["report"]["accounts"]:
            for report in account["reports"]:
                found.add(report["case"]["owningForce"])
                for inner in report["case"]["reports"]:
                    found |= {r["case"]["owningForce"] for a in inner["accounts"] for r in a["reports"]}
        return found

    assert forces(gmp) == {GMP}
    assert forces(hub) == {GMP, WYP}


def test_a_campaign_spanning_both_forces_shows_gmp_accounts_and_counts(graph: GraphPort, tokens: dict[str, str],
                                                                       app_client: TestClient) -> None:
    query = """{ campaigns { edges { node { id accountCount victimCount evidence span { start end }
      accounts { id } items { key account { id } } } } } }"""
    gmp, hub = both(app_client, tokens, query)
    [mine] = [edge["node"] for edge in gmp["campaigns"]["edges"]]
    [whole] = [edge["node"] for edge in hub["campaigns"]["edges"]]
    assert {account["id"] for account in mine["accounts"]} == {"x:acc_g0", "x:acc_g1", "x:acc_g2"}
    assert {item["account"]["id"] for item in mine["items"]} == {"x:acc_g0", "x:acc_g1", "x:acc_g2"}
    assert (mine["accountCount"], mine["victimCount"], mine["evidence"]) == (3, 3, None)
    assert (whole["accountCount"], whole["victimCount"]) == (6, 6) and whole["evidence"]
    assert len(whole["accounts"]) == 6 and mine["span"] == whole["span"]


def test_a_subject_controlling_accounts_in_both_shows_only_gmp_ones(graph: GraphPort, tokens: dict[str, str],
                                                                     app_client: TestClient) -> None:
    query = """query ($id: ID!) { person(id: $id) { id names accounts { relation account { id } evidence }
      reports { id } } }"""
    gmp, hub = both(app_client, tokens, query, {"id": SUBJECT})
    assert [link["account"]["id"] for link in gmp["person"]["accounts"]] == ["x:dan_g"]
    assert gmp["person"]["accounts"][0]["evidence"] is None
    assert [report["id"] for report in gmp["person"]["reports"]] == [report_id("G1")]
    assert {link["account"]["id"] for link in hub["person"]["accounts"]} == {"x:dan_g", "x:dan_w"}
    assert {report["id"] for report in hub["person"]["reports"]} == {report_id("G1"), report_id("W1")}
    wyp_only = data(ask(app_client, tokens["gmp"], '{ account(id: "x:dan_w") { id controller { person { id } } } }'))
    assert wyp_only["account"] is None


def test_the_network_does_not_reach_wyp_only_accounts(graph: GraphPort, tokens: dict[str, str],
                                                      app_client: TestClient) -> None:
    query = """query ($id: ID!) { account(id: $id) { network(depth: 2) { nodes { id kind label }
      edges { source target kind } truncated } } }"""
    gmp, hub = both(app_client, tokens, query, {"id": "x:acc_g0"})
    mine = {node["id"] for node in gmp["account"]["network"]["nodes"]}
    whole = {node["id"] for node in hub["account"]["network"]["nodes"]}
    wyp_accounts = {"x:acc_w0", "x:acc_w1", "x:acc_w2", "x:dan_w"}
    assert {"x:acc_g1", "x:acc_g2", SHARED, "x:dan_g", SUBJECT, case_of(graph, "G1")} <= mine
    assert not mine & (wyp_accounts | {case_of(graph, "W1")})
    assert wyp_accounts <= whole and case_of(graph, "W1") in whole
    edges = {(edge["source"], edge["target"], edge["kind"]) for edge in gmp["account"]["network"]["edges"]}
    assert ("x:dan_g", SUBJECT, "controlled_by") in edges
    assert all(edge[0] in mine and edge[1] in mine for edge in edges)
    depth = ask(app_client, tokens["gmp"], '{ account(id: "x:acc_g0") { network(depth: 3) { truncated } } }')
    assert "depth must be 1 or 2" in depth["errors"][0]["message"]


CONTACT = "query ($id: ID!) { report(id: $id) { reporter { contact { email phone postcode withheldReason } } } }"


def test_contacts_are_withheld_from_analysts_and_shown_to_officers(graph: GraphPort, tokens: dict[str, str],
                                                                    app_client: TestClient) -> None:
    variables = {"id": report_id("G2")}
    analyst = data(ask(app_client, tokens["analyst"], CONTACT, variables))["report"]["reporter"]["contact"]
    officer = data(ask(app_client, tokens["hub"], CONTACT, variables))["report"]["reporter"]["contact"]
    assert (analyst["email"], analyst["phone"], analyst["postcode"]) == (None, None, None)
    assert "hub_analyst" in analyst["withheldReason"]
    assert officer == {"email": "bilal@example.org", "phone": "+447700900002", "postcode": "M14 5RJ",
                       "withheldReason": None}


def test_an_auditor_may_not_read_cases(graph: GraphPort, tokens: dict[str, str], app_client: TestClient) -> None:
    for query in ("{ cases { edges { cursor } } }", "{ platforms { id } }", '{ case(id: "x") { id } }'):
        answer = ask(app_client, tokens["auditor"], query)
        assert answer["data"] is None or all(value is None for value in answer["data"].values())
        assert "role auditor may not read cases" in answer["errors"][0]["message"]
    assert data(ask(app_client, tokens["auditor"], "{ me { role } }"))["me"]["role"] == "auditor"


def test_a_force_officer_without_justification_is_refused(graph: GraphPort, tokens: dict[str, str],
                                                           app_client: TestClient) -> None:
    refused = ask(app_client, tokens["gmp"], "{ cases { edges { node { id } } } }", justification=None)
    assert refused["data"] is None
    assert "X-Justification header" in refused["errors"][0]["message"]
    allowed = ask(app_client, tokens["gmp"], "{ cases { edges { node { id } } } }")
    assert len(data(allowed)["cases"]["edges"]) == 3


def test_assessment_and_jurisdiction_in_full_within_scope(graph: GraphPort, tokens: dict[str, str],
                                                          app_client: TestClient) -> None:
    query = """query ($id: ID!) { case(id: $id) {
      assessment { classification classificationRule priority trace offences { statute section elementsMet
        elementsMissing } overrides { field } policyVersion }
      jurisdiction { owningForce rule explanation inputs history { kind toForce } shares { force }
        notices { force toEmail status } } } }"""
    mine = case_of(graph, "G1")
    gmp, hub = both(app_client, tokens, query, {"id": mine})
    assessment = gmp["case"]["assessment"]
    assert assessment["classification"] in {"crime", "nchi", "no_record"} and assessment["trace"]
    assert assessment == hub["case"]["assessment"]
    jurisdiction = gmp["case"]["jurisdiction"]
    assert jurisdiction["owningForce"] == GMP and jurisdiction["rule"] and jurisdiction["inputs"]
    assert [notice["force"] for notice in jurisdiction["notices"]] == [GMP]
    assert jurisdiction["notices"][0]["status"] == "pending" and "@" in jurisdiction["notices"][0]["toEmail"]
    theirs = case_of(graph, "W1")
    gmp, hub = both(app_client, tokens, query, {"id": theirs})
    assert gmp["case"] is None and hub["case"]["jurisdiction"]["owningForce"] == WYP
