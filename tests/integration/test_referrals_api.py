"""Platform referrals driven end to end through GraphQL: drafted and taken through their lifecycle by the roles
that refer content, read (scoped) by the roles that read cases, refused to the others, every change audited, and
the removal of an item shown wherever the item appears."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

import pytest
from fastapi.testclient import TestClient

from api.app import create_app
from core.settings import Settings
from domain.access import Role
from graph import audit
from graph.policies import Policies
from graph.port import GraphPort
from graph.reference import seed_reference
from tests.integration.api_helpers import GMP, WYP, headers, token_for
from tests.integration.graph_helpers import fingerprint
from tests.integration.test_referrals import FB, X1_AS_REFERRED, ingest_case, item_keys, make_campaign

DRAFT = """mutation($case: String!) { draftReferrals(caseId: $case) {
  message skippedReferred referrals { id platformId status basisKind offences caseIds nextSteps } } }"""
CAMPAIGN = """mutation($campaign: String!) { referCampaign(campaignId: $campaign) {
  message referrals { id campaignId caseIds platformId items { key } } } }"""
RECORD = """mutation($id: String!, $event: ReferralEventKind!, $items: [String!], $reason: String, $note: String) {
  recordReferralEvent(referralId: $id, event: $event, items: $items, reason: $reason, note: $note) {
    message step { event by items status } referral { status sentAt dueBy closedAt overdue } } }"""
LIST = """query($case: String, $platform: String, $status: String, $overdue: Boolean) {
  referrals(caseId: $case, platform: $platform, status: $status, overdue: $overdue) {
    edges { node { id platformId status overdue nextSteps } } } }"""
ONE = """query($id: ID!) { referral(id: $id) { id status contact history { event by }
  items { key removal { removedAt recordedBy note referralId referral { id status } } }
  document { subject text json } } }"""
ITEM = """query($key: ID!) { contentItem(key: $key) { key removal { recordedBy note referral { id } } } }"""
CASE_ITEMS = """query($id: ID!) { case(id: $id) { reports { contentItems { key removal { recordedBy } } } } }"""
REFUSED_ROLES = (Role.FORCE_OFFICER, Role.HUB_ANALYST, Role.AUDITOR, Role.INTAKE)


@dataclass
class Api:
    """A test client and tokens, for posting GraphQL as any role (and as a West Yorkshire force officer)."""

    client: TestClient
    tokens: dict[Any, str]

    def call(self, who: Any, query: str, **variables: Any) -> dict[str, Any]:
        answer = self.client.post("/graphql", json={"query": query, "variables": variables},
                                  headers=headers(self.tokens[who], "Platform referral casework for tests"))
        assert answer.status_code == 200, answer.text
        return answer.json()

    def ok(self, who: Any, query: str, **variables: Any) -> dict[str, Any]:
        body = self.call(who, query, **variables)
        assert not body.get("errors"), body
        return body["data"]

    def refused(self, who: Any, query: str, **variables: Any) -> str:
        body = self.call(who, query, **variables)
        assert body.get("data") is None and body.get("errors"), body
        return body["errors"][0]["message"]


@pytest.fixture
def api(neo4j_settings: Settings, graph: GraphPort) -> Iterator[Api]:
    seed_reference(graph)
    tokens: dict[Any, str] = {role: token_for(graph, neo4j_settings, role, force=GMP if role is Role.FORCE_OFFICER else None)
                              for role in Role}
    tokens["wyp"] = token_for(graph, neo4j_settings, Role.FORCE_OFFICER, force=WYP)
    with TestClient(create_app(neo4j_settings)) as client:
        yield Api(client, tokens)


def _drafted(api: Api, case: str) -> dict[str, dict]:
    data = api.ok(Role.HUB_OFFICER, DRAFT, case=case)["draftReferrals"]
    return {referral["platformId"]: referral for referral in data["referrals"]}


def test_a_hub_officer_drafts_once_and_the_draft_is_audited(api: Api, graph: GraphPort, policies: Policies) -> None:
    case = ingest_case(graph, policies)
    drafted = _drafted(api, case)
    assert set(drafted) == {"x", "facebook"}
    assert drafted["x"]["status"] == "draft" and drafted["x"]["basisKind"] == "law" and drafted["x"]["offences"]
    assert drafted["x"]["caseIds"] == [case] and drafted["x"]["nextSteps"] == ["sent"]
    [entry] = audit.search(graph, operation="alteration", limit=1)
    assert entry["target"] == "graphql mutation draftReferrals" and entry["actor"] == "hub-officer-hub"
    assert set(entry["node_ids"]) == {drafted["x"]["id"], drafted["facebook"]["id"], case}

    before = fingerprint(graph)
    again = api.ok(Role.HUB_LEAD, DRAFT, case=case)["draftReferrals"]
    assert again["referrals"] == [] and len(again["skippedReferred"]) == 3
    assert "0 referrals drafted" in again["message"]
    assert fingerprint(graph)["node:Referral"] == before["node:Referral"] == 2
    assert "no case 'case-nope'" in api.refused(Role.HUB_OFFICER, DRAFT, case="case-nope")


def test_roles_without_the_right_are_refused_and_change_nothing(api: Api, graph: GraphPort,
                                                                policies: Policies) -> None:
    case = ingest_case(graph, policies)
    make_campaign(graph, "campaign-1", item_keys(graph, "A"))
    for role in REFUSED_ROLES:
        assert api.refused(role, DRAFT, case=case) == f"role {role.value} may not refer content to platforms"
        assert api.refused(role, CAMPAIGN, campaign="campaign-1").startswith(f"role {role.value} may not")
    assert fingerprint(graph).get("node:Referral") is None
    x = _drafted(api, case)["x"]["id"]
    for role in REFUSED_ROLES:
        assert api.refused(role, RECORD, id=x, event="sent").startswith(f"role {role.value} may not refer content")
    assert api.ok(Role.HUB_LEAD, ONE, id=x)["referral"]["status"] == "draft"
    for role in (Role.AUDITOR, Role.INTAKE):
        assert api.refused(role, LIST).startswith(f"role {role.value} may not read cases")
    refusals = [entry for entry in audit.search(graph, limit=100) if entry["outcome"].startswith("refused")]
    assert any("may not refer content to platforms" in entry["outcome"] for entry in refusals)


def test_the_lifecycle_through_graphql_with_dates_and_audit(api: Api, graph: GraphPort, policies: Policies) -> None:
    case = ingest_case(graph, policies)
    drafted = _drafted(api, case)
    x = drafted["x"]["id"]
    sent = api.ok(Role.HUB_OFFICER, RECORD, id=x, event="sent")["recordReferralEvent"]
    assert sent["step"] == {"event": "sent", "by": "hub-officer-hub", "items": [], "status": "sent"}
    assert sent["referral"]["sentAt"] and sent["referral"]["dueBy"] and sent["referral"]["overdue"] is False
    [disclosure] = audit.search(graph, operation="disclosure", limit=1)
    assert disclosure["recipient"].startswith("x: le-referrals@x.platform.example")
    assert disclosure["node_ids"] == [x]

    message = api.refused(Role.HUB_OFFICER, RECORD, id=x, event="refused")
    assert message == f"referral {x}: reason: a refusal needs the platform's reason"
    assert "only once it is overdue" in api.refused(Role.HUB_OFFICER, RECORD, id=x, event="no_response")
    assert "no referral 'referral:nope'" in api.refused(Role.HUB_OFFICER, RECORD, id="referral:nope", event="sent")

    api.ok(Role.HUB_LEAD, RECORD, id=x, event="acknowledged", note="platform ticket 4411")
    first = item_keys(graph, "A")[0]
    removed = api.ok(Role.HUB_OFFICER, RECORD, id=x, event="removed", items=[first], note="taken down")
    assert removed["recordReferralEvent"]["referral"]["status"] == "acknowledged"
    done = api.ok(Role.HUB_OFFICER, RECORD, id=x, event="removed")["recordReferralEvent"]
    assert done["referral"]["status"] == "removed" and done["referral"]["closedAt"]
    assert "1 items removed; now removed" in done["message"]
    assert {entry["target"] for entry in audit.search(graph, operation="alteration", limit=5)} >= {
        "graphql mutation recordReferralEvent"}

    whole = api.ok(Role.HUB_OFFICER, ONE, id=x)["referral"]
    assert [step["event"] for step in whole["history"]] == ["drafted", "sent", "acknowledged", "removed", "removed"]
    assert whole["history"][2]["by"] == "hub-lead-hub"
    assert all(item["removal"]["referral"] == {"id": x, "status": "removed"} for item in whole["items"])
    assert X1_AS_REFERRED in whole["document"]["text"] and whole["document"]["json"]["referral"] == x


def test_removal_shows_wherever_the_item_appears_within_scope(api: Api, graph: GraphPort, policies: Policies) -> None:
    case = ingest_case(graph, policies)
    x = _drafted(api, case)["x"]["id"]
    api.ok(Role.HUB_OFFICER, RECORD, id=x, event="sent")
    first = item_keys(graph, "A")[0]
    api.ok(Role.HUB_OFFICER, RECORD, id=x, event="removed", items=[first], note="gone on 2 Nov")
    for who in (Role.HUB_ANALYST, Role.FORCE_OFFICER):  # the case is Greater Manchester's
        item = api.ok(who, ITEM, key=first)["contentItem"]
        assert item["removal"] == {"recordedBy": "hub-officer-hub", "note": "gone on 2 Nov", "referral": {"id": x}}
        listed = api.ok(who, CASE_ITEMS, id=case)["case"]["reports"][0]["contentItems"]
        assert [bool(item["removal"]) for item in listed] == [True, False, False]
    assert api.ok("wyp", ITEM, key=first)["contentItem"] is None


def test_reads_are_scoped_filtered_and_consulted(api: Api, graph: GraphPort, policies: Policies) -> None:
    case = ingest_case(graph, policies)
    drafted = _drafted(api, case)
    api.ok(Role.HUB_OFFICER, RECORD, id=drafted["facebook"]["id"], event="sent")
    mine = api.ok(Role.FORCE_OFFICER, LIST, case=case)["referrals"]["edges"]
    assert {edge["node"]["platformId"] for edge in mine} == {"x", "facebook"}
    assert all(edge["node"]["nextSteps"] == [] for edge in mine), "a force officer reads but does not refer"
    assert api.ok("wyp", LIST)["referrals"]["edges"] == []
    assert api.ok("wyp", ONE, id=drafted["x"]["id"])["referral"] is None
    sent = api.ok(Role.HUB_ANALYST, LIST, status="sent", platform="Facebook")["referrals"]["edges"]
    assert [edge["node"]["id"] for edge in sent] == [drafted["facebook"]["id"]]
    [entry] = audit.search(graph, operation="consultation", limit=1)
    assert entry["actor"] == "hub-analyst-hub" and entry["justification"] == "Platform referral casework for tests"
    assert drafted["facebook"]["id"] in entry["node_ids"] and case in entry["node_ids"]
    assert api.ok(Role.HUB_LEAD, LIST, overdue=True)["referrals"]["edges"] == []
    assert "status is one of" in api.refused(Role.HUB_LEAD, LIST, status="lost")


def test_a_campaign_is_referred_in_bulk_through_graphql(api: Api, graph: GraphPort, policies: Policies) -> None:
    first = ingest_case(graph, policies, "A")
    second = ingest_case(graph, policies, "C", postcode="LS6 2AB", content=[
        {"platform": "Facebook", "kind": "post", "author_handle": "@troll_two", "url": FB.replace("2001", "2002")}])
    make_campaign(graph, "campaign-1", [*item_keys(graph, "A"), *item_keys(graph, "C")])
    data = api.ok(Role.HUB_LEAD, CAMPAIGN, campaign="campaign-1")["referCampaign"]
    found = {referral["platformId"]: referral for referral in data["referrals"]}
    assert set(found) == {"x", "facebook"} and found["facebook"]["caseIds"] == sorted([first, second])
    assert len(found["facebook"]["items"]) == 2 and found["x"]["campaignId"] == "campaign-1"
    assert api.ok(Role.HUB_LEAD, CAMPAIGN, campaign="campaign-1")["referCampaign"]["referrals"] == []
    assert "no campaign 'nope'" in api.refused(Role.HUB_LEAD, CAMPAIGN, campaign="nope")


def test_on_generated_data_the_busiest_case_is_referred_removed_and_shown_to_its_force(
        neo4j_settings: Settings, graph: GraphPort, policies: Policies) -> None:
    from graph.intake import ingest
    from loaders.generate.pipeline import generate
    from loaders.validation import validate_report

    seed_reference(graph)
    ingest(graph, [(validate_report(record), None) for record in generate(120, 7).reports], policies=policies)
    busiest = graph.read("testing/package_candidates")[0]
    case, owner = busiest["case"], busiest["force"]
    outsider = WYP if owner != WYP else GMP
    tokens: dict[Any, str] = {role: token_for(graph, neo4j_settings, role)
                              for role in (Role.HUB_OFFICER, Role.HUB_ANALYST)}
    tokens["owner"] = token_for(graph, neo4j_settings, Role.FORCE_OFFICER, force=owner, user="officer-owner")
    tokens["outsider"] = token_for(graph, neo4j_settings, Role.FORCE_OFFICER, force=outsider, user="officer-outsider")
    with TestClient(create_app(neo4j_settings)) as client:
        api = Api(client, tokens)
        drafted = api.ok(Role.HUB_OFFICER, DRAFT, case=case)
        referrals = drafted["draftReferrals"]["referrals"]
        assert referrals and all(referral["caseIds"] == [case] for referral in referrals)
        first = referrals[0]["id"]
        api.ok(Role.HUB_OFFICER, RECORD, id=first, event="sent")
        done = api.ok(Role.HUB_OFFICER, RECORD, id=first, event="removed")["recordReferralEvent"]
        assert done["referral"]["status"] == "removed"
        items = [item["key"] for item in api.ok(Role.HUB_OFFICER, ONE, id=first)["referral"]["items"]]
        seen = api.ok("owner", ITEM, key=items[0])["contentItem"]
        assert seen["removal"]["recordedBy"] == "hub-officer-hub"  # the owning force sees the removal
        assert {edge["node"]["id"] for edge in api.ok("owner", LIST, case=case)["referrals"]["edges"]} >= {first}
        assert api.ok("outsider", LIST, case=case)["referrals"]["edges"] == []  # another force: nothing
        assert api.refused("owner", DRAFT, case=case) == "role force_officer may not refer content to platforms"
        assert api.refused(Role.HUB_ANALYST, RECORD, id=first, event="acknowledged").startswith(
            "role hub_analyst may not refer content")


def test_a_removal_found_without_a_referral_is_recorded_once_and_shown(api: Api, graph: GraphPort,
                                                                       policies: Policies) -> None:
    ingest_case(graph, policies)
    key = item_keys(graph, "A")[0]
    recorded = """mutation($key: String!, $note: String!) {
      recordContentRemoval(itemKey: $key, note: $note) { itemKey recorded message } }"""
    first = api.ok(Role.HUB_LEAD, recorded, key=key, note="the post no longer loads")["recordContentRemoval"]
    assert first == {"itemKey": key, "recorded": True, "message": f"item {key}: removal recorded"}
    again = api.ok(Role.HUB_OFFICER, recorded, key=key, note="checked again")["recordContentRemoval"]
    assert again["recorded"] is False and "already recorded by hub-lead-hub" in again["message"]
    shown = api.ok(Role.HUB_ANALYST, ITEM, key=key)["contentItem"]["removal"]
    assert shown == {"recordedBy": "hub-lead-hub", "note": "the post no longer loads", "referral": None}
    [entry] = audit.search(graph, operation="alteration", limit=1)
    assert entry["target"] == "graphql mutation recordContentRemoval" and entry["node_ids"] == [key]
    assert "no content item 'x:status:404'" in api.refused(Role.HUB_OFFICER, recorded, key="x:status:404", note="gone")
    assert api.refused(Role.HUB_ANALYST, recorded, key=key, note="gone").startswith("role hub_analyst may not refer")
