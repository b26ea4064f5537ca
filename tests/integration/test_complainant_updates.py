"""Complainant updates over the real graph: clocks, overdue lists, contact wishes, combined cases, sending."""

from __future__ import annotations

import time
from collections.abc import Iterator
from datetime import datetime, timedelta, timezone

import pytest
import typer
from fastapi.testclient import TestClient
from typer.testing import CliRunner

from api.app import create_app
from cli import updates as commands
from core.settings import Settings
from domain.access import Role
from domain.victims_code import is_overdue
from graph import audit, update_sending, updates
from graph.dedupe import review
from graph.intake import ingest
from graph.policies import Policies
from graph.port import GraphPort
from loaders.generate import generate
from loaders.validation import validate_report
from tests import factories as f
from tests.integration.api_helpers import GMP, headers, token_for
from tests.integration.graph_helpers import fingerprint

ALL = {"all": True, "force": None}
TWEET = "https://x.com/troll_one/status/1852003311440001234"


def _load(port: GraphPort, policies: Policies, *records: dict) -> list[str]:
    return [outcome.id for record in records
            for outcome in ingest(port, [(validate_report(record), None)], policies=policies)]


def _updates(port: GraphPort, **filters: object) -> list[dict]:
    return updates.list_updates(port, scope=ALL, limit=1000, **filters)  # type: ignore[arg-type]


def test_a_generated_scenario_lists_each_update_overdue_exactly_when_due(seeded: GraphPort, policies: Policies) -> None:
    records = generate(40, seed=11).reports
    ingest(seeded, [(validate_report(record), None) for record in records], policies=policies)
    start = max(datetime.fromisoformat(record["received_at"]) for record in records)
    clock = time.perf_counter()
    updates.refresh(seeded, start)
    print(f"refresh of {len(records)} reports: {time.perf_counter() - clock:.2f}s")
    due = [row for row in _updates(seeded, status="due")]
    assert len({row["report"] for row in due if row["event"] == "received"}) > 10
    before = fingerprint(seeded)
    rerun = updates.refresh(seeded, start + timedelta(days=3))
    assert (rerun.new, rerun.written, rerun.withdrawn) == (0, 0, 0)  # a rerun writes nothing
    assert fingerprint(seeded) == before

    # The due times do not move with `now`; each update is listed overdue from the moment after it is due.
    moments = sorted({row["due_by"] for row in due})
    for moment in [moments[0], moments[len(moments) // 2], moments[-1]]:
        just_before = {row["id"] for row in _updates(seeded, overdue=True, now=moment - timedelta(microseconds=1))}
        just_after = {row["id"] for row in _updates(seeded, overdue=True, now=moment + timedelta(seconds=1))}
        falling_due = {row["id"] for row in due if row["due_by"] == moment}
        assert falling_due and not falling_due & just_before and falling_due <= just_after
        assert just_after == {row["id"] for row in due if is_overdue(row["due_by"], moment + timedelta(seconds=1))}
    listed = _updates(seeded, status="due", now=moments[len(moments) // 2] + timedelta(seconds=1))
    flags = [row["overdue"] for row in listed]
    assert flags == sorted(flags, reverse=True), "overdue updates come first"


def test_received_update_is_due_five_working_days_later_or_one_for_enhanced_rights(
        seeded: GraphPort, policies: Policies) -> None:
    friday_evening = "2026-11-13T17:00:00+00:00"
    plain = f.report("PLAIN", received_at=friday_evening)
    vulnerable = f.report("VULNERABLE", received_at=friday_evening, victims=[{"name": "Ana", "vulnerable": True}])
    _load(seeded, policies, plain, vulnerable)
    updates.refresh(seeded, datetime(2026, 11, 14, tzinfo=timezone.utc))
    received = {row["reference"]: row for row in _updates(seeded) if row["event"] == "received"}
    assert received["PLAIN"]["due_by"] == datetime(2026, 11, 20, 23, 59, 59, tzinfo=timezone.utc)
    assert received["PLAIN"]["working_days"] == 5 and not received["PLAIN"]["enhanced"]
    assert received["VULNERABLE"]["due_by"] == datetime(2026, 11, 16, 23, 59, 59, tzinfo=timezone.utc)
    assert "vulnerable" in received["VULNERABLE"]["enhanced_reason"]
    assert received["PLAIN"]["facts"]["received_on"] == "13 November 2026"


def test_an_anonymous_reporter_is_never_contacted(seeded: GraphPort, policies: Policies, neo4j_settings: Settings) -> None:
    record = f.report("ANON", reporter={"role": "witness", "anonymous": True})
    _load(seeded, policies, record)
    updates.refresh(seeded)
    rows = _updates(seeded)
    assert rows and {row["status"] for row in rows} == {"not_contactable"}
    assert all(row["not_contactable_reason"].startswith("anonymous reporter") for row in rows)
    outcomes = update_sending.send_updates(seeded, [rows[0]["id"]], by="PC Test",
                                           sender=update_sending.sender_for(neo4j_settings, seeded))
    assert outcomes[0].outcome == "refused" and "anonymous reporter" in outcomes[0].detail
    assert update_sending.due_ids(seeded) == [] and updates.outbox(seeded, scope=ALL) == []


def test_a_reporter_who_wants_no_contact_or_gave_no_address_is_not_contactable(
        seeded: GraphPort, policies: Policies) -> None:
    no_consent = f.report("NOCONSENT", reporter={"role": "victim", "name": "B", "email": "b@example.org",
                                                 "contact_consent": False})
    by_phone = f.report("PHONE", reporter={"role": "victim", "name": "C", "email": "c@example.org",
                                           "preferred_contact": "phone"})
    _load(seeded, policies, no_consent, by_phone)
    updates.refresh(seeded)
    received = {row["reference"]: row for row in _updates(seeded) if row["event"] == "received"}
    assert received["NOCONSENT"]["not_contactable_reason"] == "the reporter did not agree to be contacted with updates"
    assert received["PHONE"]["not_contactable_reason"] == "the reporter prefers phone but no phone number is held"


def test_each_report_in_a_combined_case_keeps_its_own_complainants_updates(seeded: GraphPort, policies: Policies) -> None:
    first = f.report("FIRST", reporter={"role": "witness", "name": "Wendy", "email": "wendy@example.org"},
                     content=[f.post(TWEET)])
    second = f.report("SECOND", reporter={"role": "witness", "name": "Omar", "email": "omar@example.org"},
                      content=[f.post(TWEET + "?s=20")])
    a, b = _load(seeded, policies, first, second)
    case = review.case_of(seeded, a)["case"]
    assert review.case_of(seeded, b)["case"] == case
    updates.refresh(seeded)
    combined = [row for row in _updates(seeded, case=case, contacts=True) if row["event"] == "combined"]
    assert sorted((row["report"], row["address"]) for row in combined) == [
        (a, "wendy@example.org"), (b, "omar@example.org")]
    assert {row["complainant"] for row in combined} == {f"{a}#reporter", f"{b}#reporter"}
    assert all(row["facts"]["reports_in_case"] == 2 for row in combined)
    # The combination happened when the second report arrived.
    assert {row["event_at"] for row in combined} == {datetime.fromisoformat(second["received_at"])}

    review.decide(seeded, kind="split", reports=[b], by="DS Jones", reason="different post after all")
    assert updates.refresh(seeded).withdrawn >= 2  # B's new case is not assessed yet: its no-further-action goes too
    after = _updates(seeded)
    assert {row["status"] for row in after if row["event"] == "combined"} == {"withdrawn"}
    assert {row["status"] for row in after if row["event"] == "received"} == {"due"}


@pytest.fixture
def client(neo4j_settings: Settings, seeded: GraphPort) -> Iterator[tuple[TestClient, dict[Role, dict]]]:
    tokens = {role: headers(token_for(seeded, neo4j_settings, role, force=GMP if role is Role.FORCE_OFFICER else None))
              for role in Role}
    with TestClient(create_app(neo4j_settings)) as test_client:
        yield test_client, tokens


LIST = """query Updates($case: String) { complainantUpdates(caseId: $case, first: 50) {
  edges { node { id event status overdue address complainant reference dueBy } } pageInfo { hasNextPage } } }"""
SEND = """mutation Send($id: String!) { sendComplainantUpdate(updateId: $id) { updateId outcome messageId } }"""


def _post(client: TestClient, token: dict, query: str, **variables: object) -> dict:
    answer = client.post("/graphql", json={"query": query, "variables": variables}, headers=token)
    assert answer.status_code == 200, answer.text
    return answer.json()


def test_a_hub_officer_sends_an_update_through_graphql_into_the_outbox(
        client: tuple[TestClient, dict[Role, dict]], seeded: GraphPort, policies: Policies) -> None:
    test_client, tokens = client
    [report] = _load(seeded, policies, f.report("GQL", reporter={"role": "victim", "name": "Ana Silva",
                                                                 "email": "ana@example.org"}))
    refreshed = _post(test_client, tokens[Role.HUB_OFFICER], "mutation { refreshComplainantUpdates { new } }")
    assert refreshed["data"]["refreshComplainantUpdates"]["new"] >= 1
    rows = _post(test_client, tokens[Role.HUB_OFFICER], LIST)["data"]["complainantUpdates"]["edges"]
    received = next(edge["node"] for edge in rows if edge["node"]["event"] == "received")
    assert received["address"] == "ana@example.org" and received["status"] == "due"
    analyst_view = _post(test_client, tokens[Role.HUB_ANALYST], LIST)["data"]["complainantUpdates"]["edges"]
    assert analyst_view and all(edge["node"]["address"] is None for edge in analyst_view)
    force_view = _post(test_client, tokens[Role.FORCE_OFFICER], LIST)["data"]["complainantUpdates"]["edges"]
    assert force_view == []  # the hub retains the case: out of a force officer's scope

    for role in (Role.HUB_ANALYST, Role.FORCE_OFFICER, Role.HUB_LEAD):
        refused = _post(test_client, tokens[role], SEND, id=received["id"])
        assert refused["data"] is None and " may not send complainant updates" in refused["errors"][0]["message"]
    assert updates.outbox(seeded, scope=ALL) == []

    sent = _post(test_client, tokens[Role.HUB_OFFICER], SEND, id=received["id"])["data"]["sendComplainantUpdate"]
    assert sent["outcome"] == "sent" and sent["messageId"].startswith("outbox:")
    [message] = updates.outbox(seeded, scope=ALL)
    assert updates.outbox(seeded, scope={"all": False, "force": GMP}) == [], "a force's scope reaches no outbox"
    assert (message["to"], message["channel"], message["update"]) == ("ana@example.org", "email", received["id"])
    assert message["subject"] == "Your report GQL: received by the hub"
    assert message["body"].startswith("Dear Ana Silva,")
    [entry] = audit.search(seeded, operation="disclosure", limit=1)
    assert entry["recipient"] == f"{report}#reporter" and "ana@example.org" not in str(entry)
    assert received["id"] in entry["node_ids"] and entry["actor"] == "hub-officer-hub"

    again = _post(test_client, tokens[Role.HUB_OFFICER], SEND, id=received["id"])["data"]["sendComplainantUpdate"]
    assert again["outcome"] == "already" and len(updates.outbox(seeded, scope=ALL)) == 1
    outbox = _post(test_client, tokens[Role.HUB_OFFICER], "{ outbox(first: 5) { edges { node { to subject } } } }")
    assert outbox["data"]["outbox"]["edges"][0]["node"]["to"] == "ana@example.org"
    unknown = _post(test_client, tokens[Role.HUB_OFFICER], SEND, id="update:nope")
    assert "no such update" in unknown["errors"][0]["message"]


def test_the_commands_refresh_list_send_and_show_the_outbox(
        seeded: GraphPort, policies: Policies, neo4j_settings: Settings, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(commands, "connected_settings", lambda: neo4j_settings)
    _load(seeded, policies, f.report("CLI", received_at="2026-11-13T17:00:00+00:00"))
    app = typer.Typer()
    app.add_typer(commands.app, name="updates")
    runner = CliRunner()
    done = runner.invoke(app, ["updates", "refresh", "--now", "2026-11-14T09:00:00+00:00", "--by", "PC Test"])
    assert done.exit_code == 0, done.output
    early = runner.invoke(app, ["updates", "list", "--overdue", "--now", "2026-11-20T23:59:58+00:00"])
    late = runner.invoke(app, ["updates", "list", "--overdue", "--now", "2026-11-21T00:00:00+00:00"])
    assert "0 updates" in early.output and "OVERDUE" in late.output, late.output
    bad = runner.invoke(app, ["updates", "list", "--status", "lost"])
    assert bad.exit_code == 1 and "--status is one of" in bad.output
    due = len(update_sending.due_ids(seeded))
    sent = runner.invoke(app, ["updates", "send", "--all-due", "--by", "PC Test"])
    assert due >= 1 and sent.exit_code == 0 and f"{due} sent" in sent.output, sent.output
    shown = runner.invoke(app, ["updates", "outbox"])
    assert "Subject: Your report CLI: received by the hub" in shown.output
    [entry] = audit.search(seeded, operation="disclosure", limit=1)
    assert entry["actor"] == "PC Test" and entry["target"] == "hub updates send"


def test_the_workbench_lists_updates_overdue_first_and_sends_with_a_csrf_guarded_form(
        neo4j_settings: Settings, seeded: GraphPort, policies: Policies) -> None:
    from tests.integration.test_workbench import csrf_of, sign_in

    _load(seeded, policies, f.report("WB-OLD", received_at="2026-01-05T10:00:00+00:00"),
          f.report("WB-ANON", reporter={"role": "witness", "anonymous": True}))
    updates.refresh(seeded)
    officer = token_for(seeded, neo4j_settings, Role.HUB_OFFICER)
    analyst = token_for(seeded, neo4j_settings, Role.HUB_ANALYST)
    with TestClient(create_app(neo4j_settings)) as browser:
        sign_in(browser, officer)
        page = browser.get("/workbench/updates", params={"status": ""})
        assert page.status_code == 200 and "overdue" in page.text and "anonymous reporter" in page.text
        assert page.text.index("WB-OLD") < page.text.index("WB-ANON")
        assert "witness" in page.text and 'action="/workbench/updates/send"' in page.text
        update = next(row["id"] for row in _updates(seeded, status="due") if row["reference"] == "WB-OLD")
        forged = browser.post("/workbench/updates/send", data={"csrf": "forged", "update": update})
        assert forged.status_code == 403 and updates.outbox(seeded, scope=ALL) == []
        sent = browser.post("/workbench/updates/send", data={"csrf": csrf_of(page.text), "update": update},
                            follow_redirects=False)
        assert sent.status_code == 303, sent.text
        box = browser.get("/workbench/outbox")
        assert box.status_code == 200 and "Your report WB-OLD" in box.text
    with TestClient(create_app(neo4j_settings)) as browser:
        sign_in(browser, analyst)
        page = browser.get("/workbench/updates", params={"status": ""})
        assert page.status_code == 200 and 'action="/workbench/updates/send"' not in page.text
        assert "address withheld" in page.text
        assert browser.get("/workbench/outbox").status_code == 403
        refused = browser.post("/workbench/updates/send", data={"csrf": csrf_of(page.text), "update": update})
        assert refused.status_code == 403 and len(updates.outbox(seeded, scope=ALL)) == 1


def test_assignment_referral_and_removal_each_bring_an_update_dated_when_they_happened(
        seeded: GraphPort, policies: Policies) -> None:
    from graph import referrals

    record = f.report("REFERRED", **f.victim_reporter("Ana Silva", "ana@example.org"),
                      content=[f.post(TWEET, text="you people are vermin")])
    record["victims"] = [{"same_as_reporter": True, "postcode": "M14 5RJ"}]
    record["reporter"]["postcode"] = "M14 5RJ"
    [report] = _load(seeded, policies, record)
    case = review.case_of(seeded, report)["case"]
    updates.refresh(seeded, datetime(2026, 11, 2, tzinfo=timezone.utc))
    events = {row["event"]: row for row in _updates(seeded) if row["report"] == report}
    assert "assigned" in events and "referred" not in events and "content_removed" not in events

    [drafted] = referrals.draft_for_case(seeded, case, by="officer-1").created
    sent_at = datetime.now(timezone.utc) - timedelta(hours=3)
    referrals.record_event(seeded, drafted, "sent", by="officer-1", at=sent_at)
    removed_at = sent_at + timedelta(hours=2)
    referrals.record_event(seeded, drafted, "removed", by="officer-1", at=removed_at, note="platform took it down")
    updates.refresh(seeded, datetime.now(timezone.utc))
    events = {row["event"]: row for row in _updates(seeded) if row["report"] == report}
    assert events["referred"]["event_at"] == sent_at
    assert events["content_removed"]["event_at"] == removed_at
    assert events["content_removed"]["status"] == "due" and events["content_removed"]["working_days"] == 5


def test_a_refresh_limited_to_a_case_touches_only_its_reports(seeded: GraphPort, policies: Policies) -> None:
    first, second = _load(seeded, policies, f.report("ONE", content=[f.post(TWEET)]),
                          f.report("TWO", content=[f.post("https://x.com/other/status/1852003311440009999",
                                                          handle="other")]))
    case = review.case_of(seeded, first)["case"]
    result = updates.refresh(seeded, datetime(2026, 11, 2, tzinfo=timezone.utc), cases=[case])
    assert result.new == result.written > 0
    assert {row["report"] for row in _updates(seeded)} == {first}
    assert updates.refresh(seeded, datetime(2026, 11, 2, tzinfo=timezone.utc), cases=[case]).written == 0
    assert second in {row["report"] for row in (updates.refresh(seeded) and _updates(seeded))}
