"""Platform referrals over the real graph: drafting (idempotent), campaign bulk referrals, the lifecycle with its
dates, removal recorded on the item, overdue listing, the document, and the `hub refer` commands (audited)."""

from __future__ import annotations

import json
from datetime import date, datetime, timedelta, timezone
from pathlib import Path

import pytest
import typer
from typer.testing import CliRunner

from cli import referrals as commands
from core.settings import Settings
from graph import audit, referral_reads, referrals
from graph.intake import ingest
from graph.policies import Policies
from graph.port import GraphPort
from loaders.validation import validate_report
from tests import factories as f
from tests.integration.graph_helpers import fingerprint

HUB = {"all": True, "force": None}
GMP, WYP = "E23000005", "E23000010"
X1, X2 = "https://x.com/troll_one/status/1001", "https://x.com/troll_one/status/1002"
FB = "https://www.facebook.com/troll.one/posts/2001"
X1_AS_REFERRED, X2_AS_REFERRED = "https://x.com/i/status/1001", "https://x.com/i/status/1002"  # canonical URLs


def ingest_case(port: GraphPort, policies: Policies, reference: str = "A", *, content: list[dict] | None = None,
                threat: bool = True, postcode: str = "M14 5RJ") -> str:
    """Ingest (assessing and assigning as intake does) one report; return its case."""
    record = f.report(reference, victims=[{"name": "Ana Silva", "postcode": postcode}],
                      targeted_characteristics=["race"],
                      content=content or [f.post(X1, text="go back home or else"), f.post(X2), f.post(FB, platform="Facebook")],
                      indicators={"threat_of_violence": threat})
    ingest(port, [(validate_report(record), None)], policies=policies, today=date(2026, 11, 1))
    return next(row["case"] for row in port.read("testing/cases_overview") if row["reference"] == reference)


def item_keys(port: GraphPort, reference: str) -> list[str]:
    return [row["key"] for row in port.read("testing/content_for_report", id=f"public_web_form:{reference}")]


def make_campaign(port: GraphPort, campaign_id: str, items: list[str]) -> None:
    """Write a campaign over these items as `hub networks` writes one."""
    port.write("networks/write_campaigns", rows=[{
        "id": campaign_id, "kind": "pile_on", "start": None, "end": None, "strength": 0.9, "evidence": ["test"],
        "victims": [], "accounts": [], "items": items}])


def by_platform(port: GraphPort, **filters) -> dict[str, dict]:
    return {row["platform"]: row for row in referral_reads.list_referrals(port, scope=HUB, **filters)}


def test_drafting_a_case_makes_one_referral_per_platform_and_a_rerun_makes_none(seeded: GraphPort,
                                                                                policies: Policies) -> None:
    case = ingest_case(seeded, policies)
    drafted = referrals.draft_for_case(seeded, case, by="DC Reed", platforms=policies.platforms)
    assert len(drafted.created) == 2 and "2 referrals drafted for case" in drafted.message
    found = by_platform(seeded)
    assert set(found) == {"x", "facebook"}
    x = found["x"]
    assert (x["status"], x["case"], x["campaign"], x["created_by"], x["cases"]) == ("draft", case, None, "DC Reed", [case])
    assert len(x["items"]) == 2 and all(item["url"].startswith("https://x.com/") for item in x["items"])
    assert x["basis_kind"] == "law" and x["offences"], "a crime is referred as unlawful, naming the offences"
    assert "Hateful conduct policy" in x["basis"] and x["policy_url"].startswith("https://help.x.com/")
    assert x["contact"].endswith(".platform.example/referral") and x["trusted_flagger"] is True
    assert (x["response_hours"], found["facebook"]["response_hours"]) == (48, 24)
    assert x["due_by"] is None and x["history"][0]["event"] == "drafted"

    before = fingerprint(seeded)
    again = referrals.draft_for_case(seeded, case, by="DC Reed", platforms=policies.platforms)
    assert again.created == () and len(again.skipped_referred) == 3
    assert fingerprint(seeded) == before
    assert before["node:Referral"] == 2 and before["rel:LISTS"] == 3 and before["rel:HAS_REFERRAL"] == 2
    assert before["rel:TO_PLATFORM"] == 2


def test_content_that_is_not_a_crime_is_referred_under_the_platform_policy(seeded: GraphPort,
                                                                            policies: Policies) -> None:
    case = ingest_case(seeded, policies, "B", threat=False,
                       content=[f.post("https://www.reddit.com/r/x/comments/abc123/title/", platform="Reddit")])
    referrals.draft_for_case(seeded, case, by="DC Reed", platforms=policies.platforms)
    [row] = referral_reads.list_referrals(seeded, scope=HUB, case=case)
    assert (row["platform"], row["basis_kind"], row["offences"]) == ("reddit", "platform_policy", [])
    assert "Reddit Rules" in row["basis"] and "Not assessed as a criminal offence" in row["basis"]


def test_unknown_case_and_campaign_are_named(seeded: GraphPort) -> None:
    with pytest.raises(referrals.ReferralError, match="no case 'case-nope'"):
        referrals.draft_for_case(seeded, "case-nope", by="DC Reed")
    with pytest.raises(referrals.ReferralError, match="no campaign 'k-nope'"):
        referrals.draft_for_campaign(seeded, "k-nope", by="DC Reed")
    with pytest.raises(referrals.ReferralError, match="by: say who drafts them"):
        referrals.draft_for_case(seeded, "case-nope", by="  ")


def test_lifecycle_dates_history_and_removal_on_the_item(seeded: GraphPort, policies: Policies) -> None:
    case = ingest_case(seeded, policies)
    referrals.draft_for_case(seeded, case, by="DC Reed", platforms=policies.platforms)
    x = by_platform(seeded)["x"]
    sent_at = datetime.now(timezone.utc) - timedelta(hours=3)
    referrals.record_event(seeded, x["id"], "sent", by="DC Reed", at=sent_at, platforms=policies.platforms)
    with pytest.raises(referrals.ReferralError, match="cannot record sent on a referral that is sent"):
        referrals.record_event(seeded, x["id"], "sent", by="DC Reed")
    with pytest.raises(referrals.ReferralError, match="only once it is overdue"):
        referrals.record_event(seeded, x["id"], "no_response", by="DC Reed")
    referrals.record_event(seeded, x["id"], "acknowledged", by="DC Reed", note="ticket 77")
    first, second = (item["key"] for item in x["items"])
    step = referrals.record_event(seeded, x["id"], "removed", by="DC Reed", items=[first], note="post gone")
    assert (step["status"], step["items"]) == ("acknowledged", [first]), "still open until every item is removed"
    with pytest.raises(referrals.ReferralError, match="already recorded as removed"):
        referrals.record_event(seeded, x["id"], "removed", by="DC Reed", items=[first])
    with pytest.raises(referrals.ReferralError, match="not listed on it"):
        referrals.record_event(seeded, x["id"], "removed", by="DC Reed", items=["x:status:999"])
    referrals.record_event(seeded, x["id"], "removed", by="DS Jones")

    done = referral_reads.get(seeded, x["id"], scope=HUB)
    assert done["status"] == "removed" and done["closed_at"] is not None
    assert abs((done["sent_at"] - sent_at).total_seconds()) < 1
    assert abs((done["due_by"] - (sent_at + timedelta(hours=48))).total_seconds()) < 1
    assert done["acknowledged_at"] >= done["sent_at"]
    assert [step["event"] for step in done["history"]] == ["drafted", "sent", "acknowledged", "removed", "removed"]
    assert [step["by"] for step in done["history"]][-1] == "DS Jones" and done["history"][2]["note"] == "ticket 77"
    removal = {item["key"]: item for item in done["items"]}
    assert (removal[first]["removal_note"], removal[first]["removed_recorded_by"]) == ("post gone", "DC Reed")
    assert removal[second]["removal_referral"] == x["id"] and removal[second]["removed_at"] is not None

    # removed items are never referred again; the Facebook item still on its open draft is not either
    assert referrals.draft_for_case(seeded, case, by="DC Reed").created == ()


def test_refusal_needs_the_platform_reason_and_closes(seeded: GraphPort, policies: Policies) -> None:
    case = ingest_case(seeded, policies)
    referrals.draft_for_case(seeded, case, by="DC Reed", platforms=policies.platforms)
    fb = by_platform(seeded)["facebook"]
    with pytest.raises(referrals.ReferralError, match="cannot record refused on a referral that is draft"):
        referrals.record_event(seeded, fb["id"], "refused", by="DC Reed", reason="no breach")
    referrals.record_event(seeded, fb["id"], "sent", by="DC Reed")
    with pytest.raises(referrals.ReferralError, match="reason: a refusal needs the platform's reason"):
        referrals.record_event(seeded, fb["id"], "refused", by="DC Reed")
    referrals.record_event(seeded, fb["id"], "refused", by="DC Reed", reason="no breach of our standards found")
    row = referral_reads.get(seeded, fb["id"], scope=HUB)
    assert (row["status"], row["refusal_reason"]) == ("refused", "no breach of our standards found")
    assert row["closed_at"] is not None
    # a closed referral is no longer open: the item may be drafted again (e.g. to escalate)
    assert len(referrals.draft_for_case(seeded, case, by="DC Reed").created) == 1


def test_overdue_referrals_are_listed_and_no_response_recorded_once_overdue(seeded: GraphPort,
                                                                         policies: Policies) -> None:
    case = ingest_case(seeded, policies)
    referrals.draft_for_case(seeded, case, by="DC Reed", platforms=policies.platforms)
    found = by_platform(seeded)
    long_ago = datetime.now(timezone.utc) - timedelta(hours=30)
    referrals.record_event(seeded, found["facebook"]["id"], "sent", by="DC Reed", at=long_ago)  # 24 h target
    referrals.record_event(seeded, found["x"]["id"], "sent", by="DC Reed", at=long_ago)  # 48 h target
    [late] = referral_reads.list_referrals(seeded, scope=HUB, overdue=True)
    assert (late["id"], late["overdue"]) == (found["facebook"]["id"], True)
    assert [row["platform"] for row in referral_reads.list_referrals(seeded, scope=HUB, overdue=False)] == ["x"]
    assert referral_reads.next_steps(late) == ("acknowledged", "removed", "refused", "no_response")
    referrals.record_event(seeded, late["id"], "no_response", by="DC Reed")
    assert referral_reads.list_referrals(seeded, scope=HUB, overdue=True) == []
    # a late answer can still be recorded
    referrals.record_event(seeded, late["id"], "removed", by="DC Reed")
    assert referral_reads.get(seeded, late["id"], scope=HUB)["status"] == "removed"
    with pytest.raises(referrals.ReferralError, match="status is one of"):
        referral_reads.list_referrals(seeded, scope=HUB, status="lost")
    assert [row["platform"] for row in referral_reads.list_referrals(seeded, scope=HUB, platform="Twitter")] == ["x"]


def test_a_campaign_is_referred_in_bulk_across_its_cases(seeded: GraphPort, policies: Policies) -> None:
    first = ingest_case(seeded, policies, "A")
    second = ingest_case(seeded, policies, "C", postcode="LS6 2AB",
                         content=[f.post("https://x.com/troll_two/status/3001", handle="@troll_two")])
    campaign_items = [*item_keys(seeded, "A")[:2], *item_keys(seeded, "C")]
    make_campaign(seeded, "campaign-1", campaign_items)
    drafted = referrals.draft_for_campaign(seeded, "campaign-1", by="DS Jones", platforms=policies.platforms)
    [bulk] = referral_reads.referrals_by_id(seeded, ids=list(drafted.created), scope=HUB)
    assert (bulk["campaign"], bulk["case"], bulk["platform"]) == ("campaign-1", None, "x")
    assert sorted(item["key"] for item in bulk["items"]) == sorted(campaign_items)
    assert bulk["cases"] == sorted([first, second]) and bulk["basis_kind"] == "law"
    assert referrals.draft_for_campaign(seeded, "campaign-1", by="DS Jones").created == ()
    # the case's own draft leaves out the items the campaign referral already lists: only Facebook remains
    [own] = referrals.draft_for_case(seeded, first, by="DS Jones").created
    assert referral_reads.get(seeded, own, scope=HUB)["platform"] == "facebook"
    # a force officer of one of the two forces does not see the bulk referral spanning both
    gmp = {"all": False, "force": GMP}
    assert [row["id"] for row in referral_reads.list_referrals(seeded, scope=gmp)] == [own]
    assert referral_reads.get(seeded, bulk["id"], scope=gmp) is None


def test_the_document_names_the_content_and_basis_and_nothing_of_the_victim(seeded: GraphPort,
                                                                            policies: Policies) -> None:
    case = ingest_case(seeded, policies)
    referrals.draft_for_case(seeded, case, by="DC Reed", platforms=policies.platforms)
    x = by_platform(seeded)["x"]
    referrals.record_event(seeded, x["id"], "sent", by="DC Reed")
    made = referral_reads.document(referral_reads.get(seeded, x["id"], scope=HUB))
    assert made["subject"] == f"Referral {x['id']}: 2 items of hateful content on X (Twitter)"
    assert X1_AS_REFERRED in made["text"] and X2_AS_REFERRED in made["text"]
    assert "trusted-flagger channel" in made["text"]
    assert "Your answer is due by" in made["text"] and f"case {case}" in made["text"]
    assert "Ana Silva" not in made["text"] and "M14" not in made["text"]
    assert made["json"]["platform"] == "x" and [item["url"] for item in made["json"]["items"]] == [X1_AS_REFERRED, X2_AS_REFERRED]
    assert made["json"]["due_by"] and made["json"]["offences"] == x["offences"]
    assert "Ana Silva" not in json.dumps(made["json"])


# -- the commands ------------------------------------------------------------------------------------

@pytest.fixture
def hub(seeded: GraphPort, neo4j_settings: Settings, monkeypatch: pytest.MonkeyPatch):
    monkeypatch.setenv("NEO4J_URI", neo4j_settings.bolt_uri)
    if neo4j_settings.neo4j_password:
        monkeypatch.setenv("NEO4J_PASSWORD", neo4j_settings.neo4j_password.get_secret_value())
    app = typer.Typer()
    app.add_typer(commands.app, name="refer")
    runner = CliRunner()

    def run(*args: str, status: int = 0) -> str:
        result = runner.invoke(app, list(args))
        assert result.exit_code == status, result.output
        return result.output

    return run


def test_the_refer_commands_end_to_end_and_audited(hub, seeded: GraphPort, policies: Policies, tmp_path: Path) -> None:
    case = ingest_case(seeded, policies)
    assert "2 referrals drafted" in hub("refer", "draft", case, "--by", "DC Reed")
    assert "0 referrals drafted" in hub("refer", "draft", case, "--by", "DC Reed")
    assert "no case 'nope'" in hub("refer", "draft", "nope", "--by", "DC Reed", status=1)
    x = by_platform(seeded)["x"]["id"]
    fb = by_platform(seeded)["facebook"]["id"]
    earlier = (datetime.now(timezone.utc) - timedelta(hours=30)).isoformat()
    assert "now sent" in hub("refer", "send", fb, "--by", "DC Reed", "--at", earlier)
    assert "needs a time zone" in hub("refer", "send", x, "--by", "DC Reed", "--at", "2026-11-01T10:00", status=1)
    assert "now sent" in hub("refer", "send", x, "--by", "DC Reed")
    listed = hub("refer", "list", "--overdue")
    assert fb in listed and "OVERDUE" in listed and x not in listed and "1 referrals" in listed
    assert "now acknowledged" in hub("refer", "ack", x, "--by", "DC Reed")
    first = by_platform(seeded)["x"]["items"][0]["key"]
    assert "1 items removed" in hub("refer", "removed", x, "--by", "DC Reed", "--item", first)
    assert "reason: a refusal needs" in hub("refer", "refused", x, "--by", "DC Reed", "--reason", " ", status=1)
    assert "now refused" in hub("refer", "refused", x, "--by", "DC Reed", "--reason", "satire, allowed")
    assert "now no response" in hub("refer", "no-response", fb, "--by", "DC Reed")
    assert "1 referrals" in hub("refer", "list", "--status", "refused", "--platform", "x")

    out = tmp_path / "referral.json"
    assert "written to" in hub("refer", "document", x, "--format", "json", "--out", str(out))
    assert json.loads(out.read_text())["referral"] == x
    assert f"Referral {x}" in hub("refer", "document", x)
    assert "--format is text or json" in hub("refer", "document", x, "--format", "pdf", status=1)

    sent = audit.search(seeded, operation="disclosure", limit=20)
    recipients = [entry["recipient"] for entry in sent]
    assert any(recipient and recipient.startswith("facebook: trusted-partners@facebook") for recipient in recipients)
    assert str(out) in recipients
    changes = audit.search(seeded, operation="alteration", limit=20)
    targets = {entry["target"] for entry in changes}
    assert {"hub refer draft", "hub refer ack", "hub refer removed", "hub refer refused", "hub refer no-response"} <= targets


def test_an_item_given_two_authors_is_listed_once_with_both(seeded: GraphPort, policies: Policies) -> None:
    case = ingest_case(seeded, policies, "A", content=[f.post(X1, handle="@troll_one")])
    ingest_case(seeded, policies, "B", content=[f.post(X1, handle="@someone_else")])
    [referral] = referrals.draft_for_case(seeded, case, by="DC Reed", platforms=policies.platforms).created
    row = referral_reads.get(seeded, referral, scope=HUB)
    assert [item["key"] for item in row["items"]] == ["x:status:1001"]
    assert row["items"][0]["accounts"] == ["x:someone_else", "x:troll_one"]
    text = referral_reads.document(row)["text"]
    assert text.count(X1_AS_REFERRED) == 1 and "posted by x:someone_else or x:troll_one" in text


def test_a_removal_without_a_referral_from_the_command_line(hub, seeded: GraphPort, policies: Policies) -> None:
    case = ingest_case(seeded, policies)
    key = item_keys(seeded, "A")[0]
    assert "removal recorded by DC Reed" in hub("refer", "item-removed", key, "--by", "DC Reed", "--note", "gone")
    assert "already recorded" in hub("refer", "item-removed", key, "--by", "PC Lee", "--note", "gone too")
    assert "note: say how" in hub("refer", "item-removed", key, "--by", "DC Reed", "--note", " ", status=1)
    future = (datetime.now(timezone.utc) + timedelta(days=1)).isoformat()
    other = item_keys(seeded, "A")[1]
    assert "is in the future" in hub("refer", "item-removed", other, "--by", "DC Reed", "--note", "x", "--at", future,
                                     status=1)
    drafted = referrals.draft_for_case(seeded, case, by="DC Reed", platforms=policies.platforms)
    assert key in drafted.skipped_removed  # a removed item is never referred again
    [entry] = audit.search(seeded, operation="alteration", limit=1)
    assert entry["target"] == "hub refer item-removed" and entry["node_ids"] == [key]
