"""Accounts attributed to people against the real Neo4j: evidence, certainty, decisions, the export."""

from __future__ import annotations

import json

import pytest
import typer
from typer.testing import CliRunner

from cli import attribute as commands
from core.settings import Settings
from graph.attribution import decisions, service
from graph.intake import ingest
from graph.port import GraphPort
from loaders.validation import validate_report
from tests import factories as f

DAN = ("x:dan.k_1990", "instagram:dankirby.alt", "tiktok:dan_k1990")


def _load(port: GraphPort, *records: dict) -> None:
    for record in records:
        ingest(port, [(validate_report(record), None)])


def _suspect_report(reference: str, platform: str, handle: str, url: str, **suspect: str) -> dict:
    return f.report(reference, content=[f.post(url, handle=handle, platform=platform)],
                    suspects=[{"platform": platform, "handle": handle, **suspect}])


def _dan_and_others(port: GraphPort) -> None:
    _load(
        port,
        _suspect_report("D1", "X", "@dan.k_1990", "https://x.com/dan.k_1990/status/1000000000000000001",
                        name="Dan Kirby", display_name="Dan K"),
        _suspect_report("D2", "Instagram", "dankirby.alt", "https://www.instagram.com/p/DanKirbyAlt1/",
                        display_name="Dan Kirby"),
        _suspect_report("D3", "TikTok", "dan_k1990", "https://www.tiktok.com/@dan_k1990/video/7300000000000000001",
                        name="Dan Kirby", display_name="Dan K"),
        _suspect_report("S1", "X", "sarah_j", "https://x.com/sarah_j/status/1000000000000000002",
                        display_name="Sarah Jones"),
        _suspect_report("G1", "X", "grey_owl77", "https://x.com/grey_owl77/status/1000000000000000003",
                        display_name="Grey Owl", name="Gary Owens"),
    )


def _person_of(port: GraphPort, account: str) -> str:
    rows = service.subject_of(port, account)
    assert rows, f"{account} is attributed to nobody"
    return rows[0]["person"]


def test_related_handles_are_attributed_to_one_person_with_evidence(graph: GraphPort) -> None:
    _dan_and_others(graph)
    summary = service.attribute(graph)
    assert summary.accounts == 5 and summary.subjects == 3
    person = _person_of(graph, DAN[0])
    assert person == "subject:instagram:dankirby.alt", "the id derives from the smallest account id"
    rows = service.subject_of(graph, DAN[0])
    assert sorted(row["account"] for row in rows) == sorted(DAN)
    for row in rows:
        assert 0.9 <= row["confidence"] <= 1.0 and row["method"] == "fellegi_sunter"
        assert row["evidence"][0].startswith("linked to ") and any("(+" in line for line in row["evidence"][1:])
    named = next(row for row in rows if row["account"] == DAN[0])["evidence"]
    assert "report public_web_form:D1 names Dan Kirby as the user of this account (certain: the report ties them)" in named
    assert _person_of(graph, "x:sarah_j") != person != _person_of(graph, "x:grey_owl77")
    [owl] = service.subject_of(graph, "x:grey_owl77")
    assert owl["method"] == "named_in_report" and owl["confidence"] == 1.0
    resolved = {row["id"]: row for row in graph.read("testing/resolved_people")}
    assert resolved[person]["resolves"] == sorted(f"public_web_form:{ref}#subject0" for ref in ("D1", "D2", "D3"))
    assert "Subject" in resolved[person]["labels"] and resolved[person]["role"] == "subject"


def test_a_shared_email_is_certain(graph: GraphPort) -> None:
    _load(
        graph,
        _suspect_report("E1", "X", "bluefox_99", "https://x.com/bluefox_99/status/1000000000000000004",
                        email="Troll.Account@Example.org"),
        _suspect_report("E2", "Instagram", "night.rider", "https://www.instagram.com/p/NightRider1/",
                        email="troll.account@example.org"),
    )
    service.attribute(graph)
    rows = service.subject_of(graph, "x:bluefox_99")
    assert sorted(row["account"] for row in rows) == ["instagram:night.rider", "x:bluefox_99"]
    assert all(row["confidence"] == 1.0 and row["method"] == "shared_identifier" for row in rows)
    assert any("same e-mail or phone" in line for line in rows[0]["evidence"])


def test_an_account_that_fits_two_people_is_left_for_an_analyst(graph: GraphPort) -> None:
    for reference, platform, handle, url in (
        ("P1", "X", "north_patriot12", "https://x.com/north_patriot12/status/1000000000000000011"),
        ("P2", "TikTok", "northpatriot_12", "https://www.tiktok.com/@northpatriot_12/video/7300000000000000011"),
        ("P3", "Reddit", "north_patriot55", "https://www.reddit.com/user/north_patriot55"),
        ("P4", "Instagram", "thenorthpatriot", "https://www.instagram.com/p/NorthPatriot1/"),
    ):
        _load(graph, _suspect_report(reference, platform, handle, url))
    service.attribute(graph)
    assert _person_of(graph, "x:north_patriot12") == _person_of(graph, "tiktok:northpatriot_12")
    assert _person_of(graph, "reddit:north_patriot55") != _person_of(graph, "x:north_patriot12"), "another number"
    [alone] = service.subject_of(graph, "instagram:thenorthpatriot")
    assert alone["method"] == "ambiguous"
    fits = alone["evidence"][0]
    assert "reddit:north_patriot55" in fits and ("x:north_patriot12" in fits or "tiktok:northpatriot_12" in fits)
    decisions.decide(graph, kind="confirm", accounts=["instagram:thenorthpatriot", "reddit:north_patriot55"],
                     by="analyst.jones", reason="the platform's disclosure")  # fmt: skip
    assert _person_of(graph, "instagram:thenorthpatriot") == _person_of(graph, "reddit:north_patriot55")


def test_rerun_changes_nothing_and_keeps_ids(graph: GraphPort) -> None:
    _dan_and_others(graph)
    service.attribute(graph)
    before = graph.read("testing/resolved_people")
    service.attribute(graph)
    assert graph.read("testing/resolved_people") == before


def test_a_rejected_pair_stays_apart_on_reruns_until_undone(graph: GraphPort) -> None:
    _dan_and_others(graph)
    service.attribute(graph)
    result = decisions.decide(graph, kind="reject", accounts=[DAN[0], DAN[2]], by="analyst.jones",
                              reason="different people: checked the profiles")  # fmt: skip
    assert result.subjects[DAN[0]] != result.subjects[DAN[2]]
    service.attribute(graph)
    assert _person_of(graph, DAN[0]) != _person_of(graph, DAN[2]), "the full rerun respects the rejection"
    decisions.undo(graph, decision=result.decision, by="analyst.jones", reason="profiles were the same after all")
    assert _person_of(graph, DAN[0]) == _person_of(graph, DAN[2])
    [entry] = decisions.history(graph, DAN[0])
    assert entry["kind"] == "reject" and entry["active"] is False and entry["undone_by"] == "analyst.jones"


def test_split_keeps_an_account_on_its_own(graph: GraphPort) -> None:
    _dan_and_others(graph)
    service.attribute(graph)
    result = decisions.decide(graph, kind="split", accounts=[DAN[1]], by="officer.patel", reason="a fan account")
    assert [row["account"] for row in service.subject_of(graph, DAN[1])] == [DAN[1]]
    assert _person_of(graph, DAN[0]) == _person_of(graph, DAN[2]) != _person_of(graph, DAN[1])
    service.attribute(graph)
    assert [row["account"] for row in service.subject_of(graph, DAN[1])] == [DAN[1]]
    decisions.undo(graph, decision=result.decision, by="officer.patel", reason="checked again")
    assert len(service.subject_of(graph, DAN[1])) == 3


def test_confirm_links_what_the_model_would_not(graph: GraphPort) -> None:
    _dan_and_others(graph)
    service.attribute(graph)
    result = decisions.decide(graph, kind="confirm", accounts=["x:sarah_j", "x:grey_owl77"], by="officer.patel",
                              reason="the platform's disclosure shows one subscriber")  # fmt: skip
    assert result.subjects["x:sarah_j"] == result.subjects["x:grey_owl77"]
    service.attribute(graph)
    rows = service.subject_of(graph, "x:sarah_j")
    assert {row["method"] for row in rows} == {"confirmed"} and {row["confidence"] for row in rows} == {1.0}


def test_new_accounts_are_placed_incrementally(graph: GraphPort) -> None:
    _dan_and_others(graph)
    service.attribute(graph)
    _load(graph, _suspect_report("D4", "Reddit", "dan_kirby_1990", "https://www.reddit.com/user/dan_kirby_1990",
                                 name="Dan Kirby"))  # fmt: skip
    summary = service.attribute_new(graph)
    assert summary.accounts == 1
    assert _person_of(graph, "reddit:dan_kirby_1990") == _person_of(graph, DAN[0])


@pytest.mark.parametrize(
    ("kind", "accounts", "by", "reason", "message"),
    [
        ("merge", ["x:a", "x:b"], "a", "b", "kind must be one of"),
        ("confirm", ["x:a"], "a", "b", "2 different account"),
        ("split", ["x:a"], "", "b", "who made it"),
        ("split", ["x:nobody"], "a", "b", "no such account"),
    ],
)
def test_bad_decisions_are_refused_with_a_reason(graph: GraphPort, kind, accounts, by, reason, message) -> None:
    with pytest.raises(decisions.DecisionError, match=message):
        decisions.decide(graph, kind=kind, accounts=accounts, by=by, reason=reason)


@pytest.fixture
def hub(graph: GraphPort, neo4j_settings: Settings, monkeypatch: pytest.MonkeyPatch):
    monkeypatch.setenv("NEO4J_URI", neo4j_settings.bolt_uri)
    if neo4j_settings.neo4j_password:
        monkeypatch.setenv("NEO4J_PASSWORD", neo4j_settings.neo4j_password.get_secret_value())
    app = typer.Typer()  # wired as cli/main.py and cli/export.py wire them
    app.command("attribute")(commands.attribute)
    app.add_typer(commands.attribution_app, name="attribution")
    export = typer.Typer()
    export.command("attributions")(commands.export_attributions)
    app.add_typer(export, name="export")
    runner = CliRunner()

    def run(*args: str) -> str:
        result = runner.invoke(app, list(args))
        assert result.exit_code == 0, result.output
        return result.output

    return run


def test_commands_and_the_export_format(hub, graph: GraphPort) -> None:
    _dan_and_others(graph)
    assert "5 accounts attributed to 3 people" in hub("attribute")
    lines = [json.loads(line) for line in hub("export", "attributions").splitlines() if line.startswith("{")]
    assert len(lines) == 3
    for line in lines:
        assert set(line) == {"person", "accounts"}
        for account in line["accounts"]:
            assert set(account) == {"platform", "handle", "confidence"} and 0 < account["confidence"] <= 1
    dan = next(line for line in lines if line["person"] == "subject:instagram:dankirby.alt")
    assert sorted(f"{a['platform']}:{a['handle']}" for a in dan["accounts"]) == sorted(DAN)
    assert "decision attribution-decision:" in hub("attribution", "split", DAN[1], "--by", "a", "--reason", "b")
    assert DAN[1] in hub("attribution", "show", DAN[1])
    assert "split" in hub("attribution", "history", DAN[1])
