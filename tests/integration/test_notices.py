"""Assignment notices over the real graph: written when a case's owner is set or changes, and the commands."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest
import typer
from typer.testing import CliRunner

from cli import notices as commands
from core.settings import Settings
from graph import jurisdiction, notices
from graph.intake import ingest
from graph.policies import Policies
from graph.port import GraphPort
from loaders.validation import validate_report
from tests import factories as f
from tests.integration.graph_helpers import fingerprint

GMP, WYP = "E23000005", "E23000010"
GMP_LEAD = {"name": "Greater Manchester Police hate crime lead", "email": "hate.crime.lead@greater-manchester.police.example",
            "phone": "+44 20 7946 0005"}



def _ingest_manchester_case(port: GraphPort, policies: Policies) -> str:
    """Ingest (assessing and assigning as intake does) a report whose victim lives in Manchester; return its case."""
    record = f.report("A", victims=[{"name": "Ana Silva", "postcode": "M14 5RJ"}], suspects=[{"location": "LS6 2AB"}],
                      targeted_characteristics=["race"], content=[f.post("https://x.com/a/status/1")],
                      indicators={"threat_of_violence": True})
    ingest(port, [(validate_report(record), None)], policies=policies, today=date(2026, 11, 1))
    return next(row["case"] for row in port.read("testing/cases_overview") if row["reference"] == "A")


def test_owner_changes_write_notices_and_reruns_write_none(seeded: GraphPort, policies: Policies) -> None:
    case = _ingest_manchester_case(seeded, policies)
    [first] = notices.list_notices(seeded)
    assert (first["case"], first["force"], first["previous"], first["kind"], first["status"]) == (case, GMP, None, "rules", "pending")
    assert first["to"] == GMP_LEAD
    assert "victim's home force" in first["reason"] and first["at"] is not None
    [link] = seeded.read("testing/case_force_links", case=case)
    assert link["owned_by"] == [GMP]

    jurisdiction.reassign(seeded, case, WYP, by="DC Patel", reason="victim has moved to Leeds", policy=policies.jurisdiction)
    second = notices.list_notices(seeded)[-1]
    assert (second["force"], second["previous"], second["kind"], second["by"], second["reason"]) == (
        WYP, GMP, "reassignment", "DC Patel", "victim has moved to Leeds")
    assert second["to"]["email"] == "hate.crime.lead@west-yorkshire.police.example"

    jurisdiction.undo_reassignment(seeded, case, by="DS Jones", reason="victim still lives in Manchester", policy=policies.jurisdiction)
    third = notices.list_notices(seeded)[-1]
    assert (third["force"], third["previous"], third["kind"], third["by"], third["reason"]) == (
        GMP, WYP, "undo", "DS Jones", "victim still lives in Manchester")
    assert "victim's home force" in third["explanation"] and third["to"] == GMP_LEAD

    before = fingerprint(seeded)
    jurisdiction.assign_cases(seeded, policy=policies.jurisdiction)
    assert fingerprint(seeded) == before and len(notices.list_notices(seeded)) == 3
    assert [n["force"] for n in notices.list_notices(seeded, force=GMP)] == [GMP, GMP]
    assert before["rel:HAD_NOTICE"] == 3 and before["rel:FOR_FORCE"] == 3


def test_a_case_the_hub_retains_notices_the_hub(seeded: GraphPort, policies: Policies) -> None:
    ingest(seeded, [(validate_report(f.report("B")), None)])
    jurisdiction.assign_cases(seeded, policy=policies.jurisdiction)
    [notice] = notices.list_notices(seeded)
    assert (notice["force"], notice["previous"], notice["to"]["name"]) == ("HUB", None, "Hub duty supervisor")
    assert fingerprint(seeded).get("rel:FOR_FORCE") is None  # no Force node for the hub
    [line] = notices.export_lines(seeded)
    assert "retained by the hub" in line["subject"]


def _app() -> typer.Typer:
    """The commands wired as cli/main.py wires them."""
    app = typer.Typer()
    app.add_typer(commands.app, name="notices")
    return app


@pytest.fixture
def hub(seeded: GraphPort, neo4j_settings: Settings, monkeypatch: pytest.MonkeyPatch):
    monkeypatch.setenv("NEO4J_URI", neo4j_settings.bolt_uri)
    if neo4j_settings.neo4j_password:
        monkeypatch.setenv("NEO4J_PASSWORD", neo4j_settings.neo4j_password.get_secret_value())
    app, runner = _app(), CliRunner()

    def run(*args: str, status: int = 0) -> str:
        result = runner.invoke(app, list(args))
        assert result.exit_code == status, result.output
        return result.output

    return run


def test_list_export_and_mark_sent(hub, seeded: GraphPort, policies: Policies, tmp_path: Path) -> None:
    case = _ingest_manchester_case(seeded, policies)
    jurisdiction.reassign(seeded, case, WYP, by="DC Patel", reason="victim has moved to Leeds", policy=policies.jurisdiction)

    listed = hub("notices", "list")
    assert "2 notices" in listed and f"{GMP} -> {WYP}" in listed and "DC Patel" in listed
    assert "1 notices" in hub("notices", "list", "--force", WYP, "--status", "pending")
    assert "--status is one of pending, sent" in hub("notices", "list", "--status", "lost", status=1)

    out = tmp_path / "notices.jsonl"
    assert "2 notices written" in hub("notices", "export", "--out", str(out))
    first, second = [json.loads(line) for line in out.read_text().splitlines()]
    assert (first["force"], first["to"], first["status"]) == (GMP, GMP_LEAD, "pending")
    assert "Reports combined in this case: 1." in first["text"] and f"(case {case})" in first["text"]
    assert "priority P2" in first["text"] and "Investigating force for suspect-side actions: West Yorkshire" in first["text"]
    assert "previously by Greater Manchester (E23000005)" in second["text"]
    assert "Why this force (decided by DC Patel): victim has moved to Leeds" in second["text"]

    marked = hub("notices", "mark-sent", first["id"], "--by", "Hub analyst Reed")
    assert f"{first['id']}: marked sent by Hub analyst Reed" in marked
    assert "already sent by Hub analyst Reed" in hub("notices", "mark-sent", first["id"], "--by", "someone else")
    assert "no such notice: notice:nope" in hub("notices", "mark-sent", "notice:nope", "--by", "Reed", status=1)
    [sent] = notices.list_notices(seeded, status="sent")
    assert (sent["id"], sent["sent_by"]) == (first["id"], "Hub analyst Reed") and sent["sent_at"] is not None
    assert "1 notices" in hub("notices", "list", "--status", "pending")
