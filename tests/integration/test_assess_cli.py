"""The assessment and jurisdiction commands, run in-process against the real Neo4j."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
import typer
from typer.testing import CliRunner

from cli import assess as commands
from cli import reference as reference_commands
from core.settings import Settings
from domain.policy_files import PolicyError
from graph.intake import ingest
from graph.policies import load_policies
from graph.port import GraphPort
from graph.reference import seed_reference
from loaders.validation import validate_report
from tests import factories as f

GMP, WYP = "E23000005", "E23000010"


def _app() -> typer.Typer:
    """The commands wired as cli/main.py wires them."""
    app = typer.Typer()
    for name in ("assess", "assign", "reassign", "override", "explain"):
        app.command(name)(getattr(commands, name))
    app.command("override-undo")(commands.undo_override)
    export = typer.Typer()
    export.command("assignments")(commands.export_assignments)
    app.add_typer(export, name="export")
    app.add_typer(reference_commands.app, name="reference")
    return app


@pytest.fixture
def hub(graph: GraphPort, neo4j_settings: Settings, monkeypatch: pytest.MonkeyPatch):
    monkeypatch.setenv("NEO4J_URI", neo4j_settings.bolt_uri)
    if neo4j_settings.neo4j_password:
        monkeypatch.setenv("NEO4J_PASSWORD", neo4j_settings.neo4j_password.get_secret_value())
    seed_reference(graph)
    app, runner = _app(), CliRunner()

    def run(*args: str) -> str:
        result = runner.invoke(app, list(args))
        assert result.exit_code == 0, result.output
        return result.output

    return run


def test_assign_assess_reassign_override_export(hub, graph: GraphPort, tmp_path: Path) -> None:
    record = f.report("A", victims=[{"name": "Ana", "postcode": "M14 5RJ"}], suspects=[{"location": "LS6 2AB"}],
                      targeted_characteristics=["race"], content=[f.post("https://x.com/a/status/1")],
                      indicators={"threat_of_violence": True})
    ingest(graph, [(validate_report(record), None), (validate_report(f.report("B")), None)])
    case = next(row["case"] for row in graph.read("testing/cases_overview") if row["reference"] == "A")

    assert "2 cases assigned" in hub("assign")
    assert "2 cases assessed" in hub("assess", "--today", "2026-11-01")
    out = tmp_path / "assignments.jsonl"
    hub("export", "assignments", "--out", str(out))
    lines = [json.loads(line) for line in out.read_text().splitlines()]
    assert [sorted(line) for line in lines] == [["case", "investigating_force", "owning_force", "reports", "rule"]] * 2
    mine = next(line for line in lines if line["case"] == case)
    assert (mine["owning_force"], mine["investigating_force"], mine["rule"]) == (GMP, WYP, "victim_home_force")
    assert mine["reports"] == [{"source": "public_web_form", "reference": "A"}]

    assert f"owning force {WYP}" in hub("reassign", case, WYP, "--by", "DC Patel", "--reason", "moved")
    assert f"owning force {GMP}" in hub("reassign", case, "--undo", "--by", "DS Jones", "--reason", "did not move")
    assert "P1" in hub("override", case, "priority", "p1", "--by", "DS Khan", "--reason", "known offender")
    explained = hub("explain", case)
    assert "DS Khan" in explained and "victim_home_force" in explained and "DC Patel" in explained

    from graph.audit import search, verify

    logged = {(row["actor"], row["operation"], row["target"].split(" ")[1]) for row in search(graph, limit=20)}
    assert ("DC Patel", "alteration", "reassign") in logged and ("DS Jones", "alteration", "reassign") in logged
    assert ("DS Khan", "alteration", "override") in logged
    [export] = search(graph, operation="disclosure")
    assert export["recipient"] == str(out) and sorted(export["node_ids"]) == sorted(line["case"] for line in lines)
    assert all(row["role"] == "command_line" for row in search(graph)) and verify(graph).intact


def test_override_with_a_bad_value_is_one_line(hub, graph: GraphPort) -> None:
    ingest(graph, [(validate_report(f.report("A")), None)])
    case = graph.read("testing/cases_overview")[0]["case"]
    result = CliRunner().invoke(_app(), ["override", case, "cps_category", "high", "--by", "PC", "--reason", "r"])
    assert result.exit_code == 1 and "cps_category" in result.output and "Traceback" not in result.output


def test_load_onspd_lists_refused_rows(hub, tmp_path: Path) -> None:
    directory = tmp_path / "ONSPD.csv"
    directory.write_text("pcds,pfa\nM14 5RJ,E23000005\nnonsense,E23000005\n")
    output = hub("reference", "load-onspd", str(directory))
    assert "read 2: 1 postcodes mapped exactly to a force; 1 malformed" in output
    assert "not a valid UK postcode" in (tmp_path / "ONSPD.rejects.csv").read_text()


def test_a_bad_policy_file_names_the_file(tmp_path: Path) -> None:
    good = Path(__file__).resolve().parents[2] / "policies"
    (tmp_path / "assessment.yaml").write_text((good / "assessment.yaml").read_text())
    (tmp_path / "jurisdiction.yaml").write_text("version: 1\nowner_rules: []\n")
    with pytest.raises(PolicyError, match="jurisdiction.yaml"):
        load_policies(tmp_path)


def test_unknown_case_is_one_line(hub) -> None:
    result = CliRunner().invoke(_app(), ["assign", "--case", "no-such-case"])
    assert result.exit_code == 1 and "no such case: no-such-case" in result.output and "Traceback" not in result.output
