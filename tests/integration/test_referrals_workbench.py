"""The workbench's referral pages: the list with overdue highlighted, one referral with its forms, drafting from
the case page, removal shown beside the item on the case page, CSRF, rights and the audit trail."""

from __future__ import annotations

import re
from collections.abc import Iterator
from datetime import datetime, timedelta, timezone
from urllib.parse import quote

import pytest
from fastapi.testclient import TestClient

from api.app import create_app
from core.settings import Settings
from domain.access import Role
from graph import audit, referral_reads, referrals
from graph.policies import Policies
from graph.port import GraphPort
from graph.reference import seed_reference
from tests.integration.api_helpers import GMP, WYP, token_for
from tests.integration.test_referrals import HUB, ingest_case, item_keys, make_campaign
from tests.integration.test_workbench import csrf_of, sign_in


@pytest.fixture
def client(neo4j_settings: Settings, graph: GraphPort) -> Iterator[TestClient]:
    seed_reference(graph)
    with TestClient(create_app(neo4j_settings)) as app_client:
        yield app_client


def _signed_in(client: TestClient, graph: GraphPort, settings: Settings, role: Role, force: str | None = None) -> None:
    client.cookies.clear()
    assert sign_in(client, token_for(graph, settings, role, force=force)).status_code == 303


def _case_url(case: str) -> str:
    return f"/workbench/cases/{quote(case, safe='')}"


def test_drafting_from_the_case_page_and_the_referral_page_forms(client: TestClient, graph: GraphPort,
                                                                 neo4j_settings: Settings, policies: Policies) -> None:
    case = ingest_case(graph, policies)
    _signed_in(client, graph, neo4j_settings, Role.HUB_OFFICER)
    page = client.get(_case_url(case))
    assert page.status_code == 200 and "Draft referrals" in page.text
    assert "No referral lists this case's content yet." in page.text
    forged = client.post("/workbench/referrals/draft", data={"case": case, "csrf": "forged"}, follow_redirects=False)
    assert forged.status_code == 403 and graph.read("referrals/referrals", scope=HUB, case=None, platform=None,
                                                    status=None, overdue=None, after=None, limit=5,
                                                    now=datetime.now(timezone.utc)) == []
    drafted = client.post("/workbench/referrals/draft", data={"case": case, "csrf": csrf_of(page.text)},
                          follow_redirects=False)
    assert drafted.status_code == 303 and drafted.headers["location"].startswith(_case_url(case))
    shown = client.get(drafted.headers["location"])
    assert "2 referrals drafted for case" in shown.text and "X (Twitter), draft" in shown.text
    [entry] = audit.search(graph, operation="alteration", limit=1)
    assert entry["target"] == "workbench draft referrals" and case in entry["node_ids"]

    x = next(row for row in referral_reads.list_referrals(graph, scope=HUB) if row["platform"] == "x")
    one = client.get(f"/workbench/referrals/{quote(x['id'], safe='')}")
    assert one.status_code == 200 and "Sent to the platform" in one.text and "Refused by the platform" not in one.text
    assert "https://x.com/i/status/1001" in one.text and "We ask you to remove or restrict" in one.text
    sent = client.post("/workbench/referrals/record", data={"referral": x["id"], "event": "sent",
                                                            "csrf": csrf_of(one.text)}, follow_redirects=False)
    assert sent.status_code == 303
    after = client.get(sent.headers["location"])
    assert "Sent recorded; the referral is now sent." in after.text and "Refused by the platform" in after.text
    [disclosure] = audit.search(graph, operation="disclosure", limit=1)
    assert disclosure["target"] == "workbench referral sent" and disclosure["recipient"].startswith("x: ")
    refused = client.post("/workbench/referrals/record", data={"referral": x["id"], "event": "refused",
                                                               "csrf": csrf_of(after.text)}, follow_redirects=False)
    assert refused.status_code == 400 and "a refusal needs the platform&#39;s reason" in refused.text
    first = item_keys(graph, "A")[0]
    removed = client.post("/workbench/referrals/record", data={"referral": x["id"], "event": "removed",
                                                               "items": first, "note": "gone",
                                                               "csrf": csrf_of(after.text)}, follow_redirects=False)
    assert removed.status_code == 303
    case_page = client.get(_case_url(case)).text
    assert case_page.count('<span class="tag">removed</span>') == 1 and "recorded by hub-officer-hub" in case_page


def test_the_list_highlights_overdue_and_filters(client: TestClient, graph: GraphPort, neo4j_settings: Settings,
                                                 policies: Policies) -> None:
    case = ingest_case(graph, policies)
    referrals.draft_for_case(graph, case, by="DC Reed", platforms=policies.platforms)
    found = {row["platform"]: row for row in referral_reads.list_referrals(graph, scope=HUB)}
    facebook, x = found["facebook"], found["x"]
    referrals.record_event(graph, facebook["id"], "sent", by="DC Reed",
                           at=datetime.now(timezone.utc) - timedelta(hours=30))
    _signed_in(client, graph, neo4j_settings, Role.HUB_ANALYST)
    listed = client.get("/workbench/referrals")
    assert listed.status_code == 200 and listed.text.count('class="overdue"') == 1
    assert re.search(r'<tr class="overdue">\s*<th scope="row"><a href="[^"]+">' + re.escape(facebook["id"]), listed.text)
    only = client.get("/workbench/referrals?overdue=yes&platform=facebook").text
    assert facebook["id"] in only and x["id"] not in only
    assert "No referrals match" in client.get("/workbench/referrals?status=removed").text
    assert client.get("/workbench/referrals?status=lost").status_code == 400
    one = client.get(f"/workbench/referrals/{quote(facebook['id'], safe='')}")
    assert "Overdue: the platform" in one.text and "Record the next step" not in one.text, "an analyst reads only"
    denied = client.post("/workbench/referrals/record", data={"referral": facebook["id"], "event": "no_response",
                                                              "csrf": csrf_of(one.text)}, follow_redirects=False)
    assert denied.status_code == 403 and referral_reads.get(graph, facebook["id"], scope=HUB)["status"] == "sent"
    [entry] = audit.search(graph, operation="consultation", limit=1)
    assert entry["target"] == "workbench referral page" and facebook["id"] in entry["node_ids"]


def test_force_officers_see_their_forces_referrals_only(client: TestClient, graph: GraphPort,
                                                        neo4j_settings: Settings, policies: Policies) -> None:
    case = ingest_case(graph, policies)
    [first, _] = referrals.draft_for_case(graph, case, by="DC Reed", platforms=policies.platforms).created
    _signed_in(client, graph, neo4j_settings, Role.FORCE_OFFICER, force=GMP)
    assert first in client.get("/workbench/referrals").text
    assert "Draft referrals" not in client.get(_case_url(case)).text
    _signed_in(client, graph, neo4j_settings, Role.FORCE_OFFICER, force=WYP)
    assert first not in client.get("/workbench/referrals").text
    assert client.get(f"/workbench/referrals/{quote(first, safe='')}").status_code == 404


def test_a_campaign_is_referred_in_bulk_from_the_list_page(client: TestClient, graph: GraphPort,
                                                           neo4j_settings: Settings, policies: Policies) -> None:
    ingest_case(graph, policies)
    make_campaign(graph, "campaign-7", item_keys(graph, "A"))
    _signed_in(client, graph, neo4j_settings, Role.HUB_LEAD)
    page = client.get("/workbench/referrals")
    assert "Draft bulk referrals" in page.text
    missing = client.post("/workbench/referrals/draft", data={"campaign": "nope", "csrf": csrf_of(page.text)})
    assert missing.status_code == 400 and "no campaign &#39;nope&#39;" in missing.text
    done = client.post("/workbench/referrals/draft", data={"campaign": "campaign-7", "csrf": csrf_of(page.text)},
                       follow_redirects=False)
    assert done.status_code == 303
    listed = client.get(done.headers["location"]).text
    assert "2 referrals drafted for campaign campaign-7" in listed and listed.count("campaign campaign-7</td>") == 2
