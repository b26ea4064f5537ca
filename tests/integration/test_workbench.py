"""The workbench's pages against the real graph: sign-in, scope, review rights, CSRF and the audit trail."""

from __future__ import annotations

import re

from fastapi.testclient import TestClient

from core.settings import Settings
from domain.access import Role
from graph import audit
from graph.intake import ingest
from graph.policies import load_policies
from graph.port import GraphPort
from loaders.validation import validate_report
from tests import factories as f
from tests.integration.api_helpers import GMP, JUSTIFICATION, token_for
from tests.integration.test_graphql_reads import SHARED, SUBJECT, app_client, case_of, report_id, two_forces

__all__ = ["app_client"]  # the fixture, imported so that pytest finds it here

TWEET = "https://x.com/pile_on_lead/status/7200000000000000001"
DUPLICATES = ("D1", "D2")  # two victims in Manchester reporting the same post: one case of two reports


def workbench_data(port: GraphPort) -> None:
    """The two forces of the GraphQL tests, plus a GMP case combining two reports of the same post."""
    two_forces(port)
    policies = load_policies()
    for number, (reference, name) in enumerate(zip(DUPLICATES, ("Dina Shah", "Eli Cohen")), start=1):
        record = f.report(reference, reporter={"role": "victim", "name": name, "postcode": "M14 5RJ",
                                               "email": f"{name.split()[0].lower()}@example.org"},
                          victims=[{"same_as_reporter": True}], targeted_characteristics=["religion"],
                          description=f"{name} reports a hateful post",
                          content=[f.post(TWEET, handle="pile_on_lead", text="a hateful post about my faith")])
        ingest(port, [(validate_report(record), None)], policies=policies)


def sign_in(client: TestClient, token: str, purpose: str = JUSTIFICATION, next: str = "/workbench/cases"):
    """Sign in through the form as a browser would: fetch it, then post it with its CSRF value."""
    form = client.get("/workbench/sign-in")
    value = re.search(r'name="csrf" value="([^"]+)"', form.text).group(1)
    return client.post("/workbench/sign-in", data={"csrf": value, "token": token, "purpose": purpose, "next": next},
                       follow_redirects=False)


def csrf_of(page: str) -> str:
    return re.search(r'name="csrf" value="([^"]+)"', page).group(1)


def test_strangers_are_sent_to_sign_in_and_sign_in_sets_safe_cookies(graph: GraphPort, neo4j_settings: Settings,
                                                                     app_client: TestClient) -> None:
    away = app_client.get("/workbench/cases?strand=race", follow_redirects=False)
    assert away.status_code == 303 and away.headers["location"].startswith("/workbench/sign-in?next=")
    token = token_for(graph, neo4j_settings, Role.HUB_OFFICER)
    forged = app_client.post("/workbench/sign-in", data={"csrf": "made-up", "token": token, "purpose": JUSTIFICATION},
                             follow_redirects=False)
    assert forged.status_code == 400 and "form expired" in forged.text
    wrong = sign_in(app_client, "not-a-token")
    assert wrong.status_code == 401 and "Not signed in" in wrong.text
    vague = sign_in(app_client, token, purpose="because")
    assert vague.status_code == 400 and "at least 10 characters" in vague.text
    auditor = sign_in(app_client, token_for(graph, neo4j_settings, Role.AUDITOR))
    assert auditor.status_code == 403
    signed = sign_in(app_client, token, next="https://elsewhere.example/")
    assert signed.status_code == 303 and signed.headers["location"] == "/workbench/cases", "no open redirect"
    cookies = [value for name, value in signed.headers.multi_items() if name == "set-cookie"]
    session = next(cookie for cookie in cookies if cookie.startswith("hub_token="))
    assert "HttpOnly" in session and "SameSite=strict" in session.replace("Strict", "strict")
    assert any(cookie.startswith("hub_purpose=") for cookie in cookies)
    assert app_client.get("/workbench/cases").status_code == 200
    out = app_client.post("/workbench/sign-out", data={"csrf": "wrong"}, follow_redirects=False)
    assert out.status_code == 403, "signing out needs the session's CSRF token too"
    page = app_client.get("/workbench/cases")
    out = app_client.post("/workbench/sign-out", data={"csrf": csrf_of(page.text)}, follow_redirects=False)
    assert out.status_code == 303
    app_client.cookies.clear()
    assert app_client.get("/workbench/cases", follow_redirects=False).status_code == 303


def test_the_queue_is_scoped_by_the_cypher_and_filtered(graph: GraphPort, neo4j_settings: Settings,
                                                        app_client: TestClient) -> None:
    workbench_data(graph)
    sign_in(app_client, token_for(graph, neo4j_settings, Role.FORCE_OFFICER, force=GMP))
    mine = app_client.get("/workbench/cases").text
    assert case_of(graph, "G1") in mine and case_of(graph, "W1") not in mine
    assert case_of(graph, "W1") not in app_client.get("/workbench/cases?force=E23000010").text
    missing = app_client.get(f"/workbench/cases/{case_of(graph, 'W1')}")
    assert missing.status_code == 404 and "outside what you may see" in missing.text
    app_client.cookies.clear()
    sign_in(app_client, token_for(graph, neo4j_settings, Role.HUB_ANALYST))
    race = app_client.get("/workbench/cases?strand=race").text
    assert case_of(graph, "W1") in race and case_of(graph, "G1") not in race
    assert "No cases match" in app_client.get("/workbench/cases?platform=facebook").text
    first = app_client.get("/workbench/cases").text
    assert first.count('<th scope="row"><a href="/workbench/cases/') == 7 and 'rel="next"' not in first


def test_the_case_page_explains_and_offers_review_only_to_reviewers(graph: GraphPort, neo4j_settings: Settings,
                                                                    app_client: TestClient) -> None:
    workbench_data(graph)
    case = case_of(graph, "D1")
    assert case == case_of(graph, "D2"), "the two reports of one post are one case"
    sign_in(app_client, token_for(graph, neo4j_settings, Role.HUB_ANALYST))
    page = app_client.get(f"/workbench/cases/{case}")
    assert page.status_code == 200 and "Content-Security-Policy" in page.headers
    for words in ("Assessment", "Jurisdiction", "Timeline of reports", "Duplicate links", "duplicate",
                  "/networks/case/", "Dina Shah", "contact details withheld"):
        assert words in page.text, words
    assert 'value="confirm"' not in page.text and "dina@example.org" not in page.text
    refused = app_client.post("/workbench/review", data={"csrf": csrf_of(page.text), "kind": "split",
                                                         "reports": report_id("D2"), "reason": "not the same"},
                              follow_redirects=False)
    assert refused.status_code == 403 and "review duplicate decisions" in refused.text
    app_client.cookies.clear()
    officer = token_for(graph, neo4j_settings, Role.HUB_OFFICER)
    sign_in(app_client, officer)
    page = app_client.get(f"/workbench/cases/{case}")
    assert 'value="confirm"' in page.text and 'value="split"' in page.text and "dina@example.org" in page.text
    forged = app_client.post("/workbench/review", data={"csrf": "x", "kind": "split", "reports": report_id("D2"),
                                                        "reason": "a different post"}, follow_redirects=False)
    assert forged.status_code == 403 and case_of(graph, "D2") == case
    done = app_client.post("/workbench/review", data={"csrf": csrf_of(page.text), "kind": "split", "case": case,
                                                      "reports": report_id("D2"), "reason": "a different post"},
                           follow_redirects=False)
    assert done.status_code == 303 and "recorded" in done.headers["location"]
    assert case_of(graph, "D2") != case_of(graph, "D1")
    entries = [entry for entry in audit.entries(graph) if entry["target"].startswith("workbench")]
    review = next(entry for entry in reversed(entries) if entry["target"] == "workbench review duplicates")
    assert review["operation"] == "alteration" and report_id("D2") in review["node_ids"]
    consulted = next(entry for entry in entries if entry["target"] == "workbench case page")
    assert case in consulted["node_ids"] and report_id("D1") in consulted["node_ids"]
    assert consulted["justification"] == JUSTIFICATION


def test_account_person_offenders_and_trends(graph: GraphPort, neo4j_settings: Settings,
                                             app_client: TestClient) -> None:
    workbench_data(graph)
    sign_in(app_client, token_for(graph, neo4j_settings, Role.HUB_LEAD))
    account = app_client.get("/workbench/accounts/x:dan_g").text
    assert SUBJECT in account and "shared identifier" in account and "same e-mail address" in account
    assert "/networks/account/x%3Adan_g?depth=1" in account
    person = app_client.get(f"/workbench/people/{SUBJECT}").text
    assert "x:dan_w" in person and "0.97" in person and "/networks/person/" in person
    offenders = app_client.get("/workbench/offenders").text
    assert SHARED in offenders and "Ranked accounts" in offenders
    trends = app_client.get("/workbench/dashboard").text
    assert trends.count("<svg") == 6 and trends.count("<table") == 6
    assert "reports per case" in trends and "religion" in trends and "race" in trends
    app_client.cookies.clear()
    sign_in(app_client, token_for(graph, neo4j_settings, Role.FORCE_OFFICER, force=GMP))
    mine = app_client.get("/workbench/dashboard").text
    assert "race" not in mine, "the GMP officer's trends count only GMP's cases"
    withheld = app_client.get("/workbench/accounts/x:dan_g").text
    assert "same e-mail address" not in withheld and "withheld or none" in withheld
    assert app_client.get("/workbench/accounts/x:dan_w").status_code == 404


def test_analysts_review_attributions_from_the_account_page(graph: GraphPort, neo4j_settings: Settings,
                                                             app_client: TestClient) -> None:
    workbench_data(graph)
    sign_in(app_client, token_for(graph, neo4j_settings, Role.HUB_OFFICER))
    officer_view = app_client.get("/workbench/accounts/x:dan_g").text
    assert 'action="/workbench/attribution"' not in officer_view and "does not review attributions" in officer_view
    refused = app_client.post("/workbench/attribution", data={"csrf": csrf_of(officer_view), "kind": "split",
                                                               "account": "x:dan_g", "accounts": "x:dan_g",
                                                               "reason": "different writing style"},
                              follow_redirects=False)
    assert refused.status_code == 403 and "review attributions" in refused.text
    app_client.cookies.clear()
    sign_in(app_client, token_for(graph, neo4j_settings, Role.HUB_ANALYST))
    page = app_client.get("/workbench/accounts/x:dan_g").text
    assert 'action="/workbench/attribution"' in page and 'value="split"' in page
    done = app_client.post("/workbench/attribution", data={"csrf": csrf_of(page), "kind": "split",
                                                            "account": "x:dan_g", "accounts": "x:dan_g",
                                                            "reason": "different writing style"},
                           follow_redirects=False)
    assert done.status_code == 303 and "recorded" in done.headers["location"]
    after = app_client.get(done.headers["location"]).text
    assert "(split) recorded" in after
    entry = next(entry for entry in reversed(list(audit.entries(graph)))
                 if entry["target"] == "workbench review attribution")
    assert entry["operation"] == "alteration" and "x:dan_g" in entry["node_ids"]
    assert entry["actor"].startswith("hub-analyst")
