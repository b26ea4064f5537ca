"""The read side of the GraphQL API against the real graph: nodes, links, filters, pages and batching."""

from __future__ import annotations

from datetime import datetime

from collections.abc import Iterator
from typing import Any

import pytest
from fastapi.testclient import TestClient

from api.app import create_app
from core.settings import Settings
from domain.access import Role
from graph.intake import ingest
from graph.networks import run_all
from graph.policies import load_policies
from graph.port import GraphPort
from graph.read import lists
from graph.read.temporal import instant
from graph.reference import seed_reference
from graph.sharing import share
from loaders.validation import validate_report
from tests import factories as f
from tests.integration.api_helpers import GMP, WYP, headers, token_for

WORDS = "nobody wants your sort round here go home"
SHARED = "x:shared_troll"
SUBJECT = "subject:x:dan_g"
# (reference, victim name, postcode, campaign account): three victims in Manchester, three in Leeds
VICTIMS = [("G1", "Amira Haddad", "M14 5RJ", "acc_g0"), ("G2", "Bilal Khan", "M14 5RJ", "acc_g1"),
           ("G3", "Chloe Wu", "M14 5RJ", "acc_g2"), ("W1", "Wendy Ola", "LS6 2AB", "acc_w0"),
           ("W2", "Will Grant", "LS6 2AB", "acc_w1"), ("W3", "Xena Park", "LS6 2AB", "acc_w2")]


def report_id(reference: str) -> str:
    return f"public_web_form:{reference}"


def _record(number: int, reference: str, name: str, postcode: str, account: str) -> dict[str, Any]:
    email = name.split()[0].lower() + "@example.org"
    content = [f.post(f"https://x.com/{account}/status/{7000000000000000000 + number}", handle=account, text=WORDS,
                      posted_at=f"2026-10-01T10:{number:02d}:00+00:00")]
    extra: dict[str, Any] = {}
    if reference in ("G1", "W1"):  # the troll both forces' victims report, and a suspect said to be Dan
        content.append(f.post(f"https://x.com/shared_troll/status/{7100000000000000000 + number}",
                              handle="shared_troll", text=f"a personal insult number {number} for {name}"))
        suspect_handle = "dan_g" if reference == "G1" else "dan_w"
        extra["suspects"] = [{"platform": "X", "handle": suspect_handle, "name": "Dan Kirby",
                              "email": "dan.kirby@example.org"}]
    return f.report(reference, reporter={"role": "victim", "name": name, "email": email, "postcode": postcode,
                                         "phone": f"+44770090{number:04d}"},
                    victims=[{"same_as_reporter": True}], targeted_characteristics=["religion" if reference < "W" else "race"],
                    description=f"Abuse of {name} by a group of accounts", content=content, **extra)


def two_forces(port: GraphPort) -> None:
    """Build cases owned by GMP (G1-G3) and WYP (W1-W3), an account both name, a campaign spanning both and
    a resolved subject controlling an account in each."""
    seed_reference(port)
    policies = load_policies()
    for number, (reference, name, postcode, account) in enumerate(VICTIMS, start=1):
        ingest(port, [(validate_report(_record(number, reference, name, postcode, account)), None)], policies=policies)
    run_all(port)
    port.write("attribution/write_subjects", rows=[{
        "id": SUBJECT, "names": ["Dan Kirby"], "resolves": [f"{report_id('G1')}#subject0", f"{report_id('W1')}#subject0"],
        "members": [{"record": account, "confidence": 0.97, "method": "shared_identifier", "linked_to": None,
                     "evidence": ["same e-mail address"]} for account in ("x:dan_g", "x:dan_w")],
    }])


def case_of(port: GraphPort, reference: str) -> str:
    return next(row["case"] for row in port.read("testing/cases_overview") if row["reference"] == reference)


@pytest.fixture
def app_client(neo4j_settings: Settings) -> Iterator[TestClient]:
    with TestClient(create_app(neo4j_settings)) as client:
        yield client


def ask(client: TestClient, token: str, query: str, variables: dict | None = None,
        justification: str | None = "Case enquiry for test purposes") -> dict:
    """Post a GraphQL query with the caller's token; return the JSON answer."""
    answer = client.post("/graphql", json={"query": query, "variables": variables or {}},
                         headers=headers(token, justification))
    assert answer.status_code == 200, answer.text
    return answer.json()


def data(answer: dict) -> dict:
    assert "errors" not in answer, answer["errors"]
    return answer["data"]


CASE_QUERY = """query ($id: ID!) { case(id: $id) {
  id status createdAt classification priority owningForce investigatingForce jurisdictionExplanation reportCount
  owner { code name }
  reports { id description strands receivedAt case { id } platforms { id }
    contentItems { key text platform { id } account { id } campaign { kind accountCount } }
    accounts { id handle platform { id } }
    reporter { id name contact { email phone postcode withheldReason } }
    victims { id name } subjects { id name identifiers } }
} }"""


def test_a_case_with_its_reports_accounts_items_and_people(graph: GraphPort, neo4j_settings: Settings,
                                                          app_client: TestClient) -> None:
    two_forces(graph)
    token = token_for(graph, neo4j_settings, Role.HUB_OFFICER)
    case = data(ask(app_client, token, CASE_QUERY, {"id": case_of(graph, "G1")}))["case"]
    assert (case["owningForce"], case["owner"]["code"], case["status"], case["reportCount"]) == (GMP, GMP, "open", 1)
    assert case["classification"] and case["priority"] and case["jurisdictionExplanation"]
    [report] = case["reports"]
    assert report["id"] == report_id("G1") and report["case"]["id"] == case["id"]
    assert report["strands"] == ["religion"] and report["platforms"] == [{"id": "x"}]
    [stored] = graph.read("testing/report_by_id", id=report_id("G1"))  # times travel as text: the same instant back
    assert datetime.fromisoformat(report["receivedAt"]) == stored["report"]["received_at"]
    assert datetime.fromisoformat(case["createdAt"]).tzinfo is not None
    assert {item["account"]["id"] for item in report["contentItems"]} == {"x:acc_g0", SHARED}
    campaigned = [item for item in report["contentItems"] if item["account"]["id"] == "x:acc_g0"]
    assert campaigned[0]["campaign"]["accountCount"] == 6, "the hub sees the whole campaign"
    assert {account["id"] for account in report["accounts"]} == {"x:acc_g0", SHARED, "x:dan_g"}
    assert report["reporter"]["name"] == "Amira Haddad"
    assert report["reporter"]["contact"] == {"email": "amira@example.org", "phone": "+447700900001",
                                             "postcode": "M14 5RJ", "withheldReason": None}
    assert report["victims"] == [{"id": report["reporter"]["id"], "name": "Amira Haddad"}], "the reporter is the victim"
    [subject] = report["subjects"]
    assert subject["name"] == "Dan Kirby" and subject["identifiers"] == ["email:dan.kirby@example.org"]


ACCOUNT_QUERY = """query ($id: ID!) { account(id: $id) {
  id handle platform { id name } offenderRank offender { rank score evidence } roleScores { community degree }
  reports { id } contentItems { key } campaigns { id }
  controller { confidence method evidence person { id names resolved accounts { relation account { id } } } }
} }"""


def test_account_with_reports_controller_and_standing(graph: GraphPort, neo4j_settings: Settings,
                                                      app_client: TestClient) -> None:
    two_forces(graph)
    token = token_for(graph, neo4j_settings, Role.HUB_LEAD)
    shared = data(ask(app_client, token, ACCOUNT_QUERY, {"id": SHARED}))["account"]
    assert {report["id"] for report in shared["reports"]} == {report_id("G1"), report_id("W1")}
    assert len(shared["contentItems"]) == 2 and shared["campaigns"] == []
    assert shared["offenderRank"] == shared["offender"]["rank"] and shared["offender"]["evidence"]
    dan = data(ask(app_client, token, ACCOUNT_QUERY, {"id": "x:dan_g"}))["account"]
    control = dan["controller"]
    assert (control["confidence"], control["method"], control["evidence"]) == (0.97, "shared_identifier", ["same e-mail address"])
    assert control["person"]["id"] == SUBJECT and control["person"]["resolved"] is True
    assert {link["account"]["id"] for link in control["person"]["accounts"]} == {"x:dan_g", "x:dan_w"}


def test_filters_narrow_the_lists(graph: GraphPort, neo4j_settings: Settings, app_client: TestClient) -> None:
    two_forces(graph)
    token = token_for(graph, neo4j_settings, Role.HUB_ANALYST)

    def cases(filter: dict) -> set[str]:
        answer = data(ask(app_client, token, "query ($f: CaseFilter) { cases(filter: $f, first: 100) "
                          "{ edges { node { id } } } }", {"f": filter}))
        return {edge["node"]["id"] for edge in answer["cases"]["edges"]}

    gmp = {case_of(graph, reference) for reference in ("G1", "G2", "G3")}
    assert cases({"force": GMP}) == gmp
    assert cases({"strand": "race"}) == {case_of(graph, reference) for reference in ("W1", "W2", "W3")}
    assert cases({"text": "Amira"}) == {case_of(graph, "G1")}
    assert cases({"text": "insult"}) == {case_of(graph, "G1"), case_of(graph, "W1")}, "words of content items"
    assert cases({"text": "Amira) OR (*"}) == set(), "Lucene operators are searched for literally"
    assert cases({"platform": "Twitter", "status": "open"}) == cases({}) and len(cases({})) == 6
    assert cases({"platform": "facebook"}) == set()
    assert cases({"from": "2030-01-01T00:00:00Z"}) == set()
    reports = data(ask(app_client, token, '{ reports(filter: {force: "%s", text: "Bilal"}) { edges { node { id } } } }' % WYP))
    assert reports["reports"]["edges"] == []
    accounts = data(ask(app_client, token, '{ accounts(filter: {text: "ACC_W"}) { edges { node { id } } } }'))
    assert {edge["node"]["id"] for edge in accounts["accounts"]["edges"]} == {"x:acc_w0", "x:acc_w1", "x:acc_w2"}


def test_pages_walk_every_node_exactly_once(graph: GraphPort, neo4j_settings: Settings, app_client: TestClient) -> None:
    two_forces(graph)
    token = token_for(graph, neo4j_settings, Role.HUB_ANALYST)
    for root in ("cases", "reports", "accounts", "repeatOffenders", "campaigns"):
        whole = data(ask(app_client, token, "{ %s(first: 100) { edges { node { id } } } }" % root))[root]["edges"]
        seen: list[str] = []
        after = None
        for _ in range(20):
            answer = data(ask(app_client, token, "query ($after: String) { %s(first: 4, after: $after) "
                              "{ edges { cursor node { id } } pageInfo { hasNextPage endCursor } } }"
                              % root, {"after": after}))[root]
            seen += [edge["node"]["id"] for edge in answer["edges"]]
            if not answer["pageInfo"]["hasNextPage"]:
                break
            after = answer["pageInfo"]["endCursor"]
        assert seen == [edge["node"]["id"] for edge in whole] and len(seen) == len(set(seen)), root
        assert len(seen) > 4 or root == "campaigns", f"{root}: too few to need a second page"
    ranks = data(ask(app_client, token, "{ repeatOffenders(first: 100) { edges { node { offenderRank } } } }"))
    ranked = [edge["node"]["offenderRank"] for edge in ranks["repeatOffenders"]["edges"]]
    assert ranked == sorted(ranked) and len(ranked) >= 5


def test_bad_page_arguments_are_refused_with_a_reason(graph: GraphPort, neo4j_settings: Settings,
                                                     app_client: TestClient) -> None:
    token = token_for(graph, neo4j_settings, Role.HUB_ANALYST)
    too_many = ask(app_client, token, "{ cases(first: 101) { edges { cursor } } }")
    assert "first must be between 1 and 100" in too_many["errors"][0]["message"]
    forged = ask(app_client, token, '{ cases(after: "bm90LWEtY3Vyc29y") { edges { cursor } } }')
    assert "not a cursor this API issued" in forged["errors"][0]["message"]


def test_reference_data_needs_no_justification(graph: GraphPort, neo4j_settings: Settings,
                                               app_client: TestClient) -> None:
    two_forces(graph)
    token = token_for(graph, neo4j_settings, Role.HUB_ANALYST)
    answer = data(ask(app_client, token, '{ platforms { id name } forces { code } force(code: "%s") { name } '
                      'platform(id: "x") { name } }' % GMP, justification=None))
    assert {"id": "x", "name": "X (Twitter)"} in answer["platforms"]
    assert GMP in {force["code"] for force in answer["forces"]} and "Manchester" in answer["force"]["name"]


def _many_cases(port: GraphPort, numbers: range) -> None:
    for number in numbers:
        ingest(port, [(validate_report(f.report(
            f"N-{number}", content=[f.post(f"https://x.com/user_{number}/status/{8000000000000000000 + number}",
                                           handle=f"user_{number}", text=f"message {number}")],
        )), None)])


NESTED = "{ cases(first: 100) { edges { node { id reports { id accounts { id platform { id } } } } } } }"


def test_nested_reads_cost_the_same_round_trips_for_5_cases_as_for_20(
        graph: GraphPort, neo4j_settings: Settings, app_client: TestClient) -> None:
    token = token_for(graph, neo4j_settings, Role.HUB_ANALYST)
    data(ask(app_client, token, NESTED))  # warm up: authentication and the audit trail's first entry
    port = app_client.app.state.port
    trips = {}
    for total, numbers in ((5, range(5)), (20, range(5, 20))):
        _many_cases(graph, numbers)
        ask(app_client, token, "{ me { user } }")  # the user's state is cached for 5 s: read it now, not below
        before = port.round_trips
        answer = data(ask(app_client, token, NESTED))
        trips[total] = port.round_trips - before
        assert len(answer["cases"]["edges"]) == total
        assert all(edge["node"]["reports"][0]["accounts"][0]["platform"] == {"id": "x"}
                   for edge in answer["cases"]["edges"])
    assert trips[5] == trips[20], f"round trips grew with the number of cases: {trips}"
    # the page, one call per level (cases, reports, accounts, platforms), and the audit entry's two
    assert trips[5] <= 9, f"more round trips than one per level: {trips}"


def _walk(read, page: int) -> list[str]:
    """Every id a list gives, page after page of `page` rows, following its cursor."""
    seen: list[str] = []
    after = None
    for _ in range(50):
        rows = read(after, page)
        seen += [row["id"] for row in rows]
        if len(rows) < page:
            return seen
        after = {"sort": rows[-1]["sort"], "id": rows[-1]["id"]}
    raise AssertionError("the pages never ended")


def test_a_forces_queue_read_in_index_order_gives_the_pages_of_the_general_list(graph: GraphPort) -> None:
    two_forces(graph)
    # Cases made in one transaction share their creation time: the pages must break those ties by id.
    ingest(graph, [(validate_report(_record(10 + number, f"G{4 + number}", f"Victim {number}", "M14 5RJ",
                                            f"acc_t{number}")), None) for number in range(5)],
           policies=load_policies())
    share(graph, case_of(graph, "W2"), GMP, by="hub.lead", reason="Linked enquiry for test purposes")
    empty = {key: None for key in lists.CASE_FILTERS}
    for scope, given in (({"all": False, "force": GMP}, {}), ({"all": True, "force": None}, {"force": GMP}),
                         ({"all": False, "force": WYP}, {})):
        def fast(after, page, scope=scope, given=given):
            return lists.cases(graph, scope=scope, filters=given, after=after, limit=page)

        def general(after, page, scope=scope, given=given):
            rows = graph.read("api/cases", scope=scope, filter={**empty, **given}, after=after, limit=page)
            return [{**row, "sort": instant(row["sort"])} for row in rows]

        for page in (1, 2, 3, 100):
            assert _walk(fast, page) == _walk(general, page), (scope, given, page)
    gmp_queue = _walk(lambda after, page: lists.cases(graph, scope={"all": False, "force": GMP}, filters={},
                                                      after=after, limit=page), 2)
    assert case_of(graph, "W2") in gmp_queue and case_of(graph, "G5") in gmp_queue and len(gmp_queue) == 9
