"""`hub load` semantics against the real graph: exactly once, normalised, bad records listed, conflicts refused."""

from __future__ import annotations

import csv
import json
from datetime import datetime, timedelta, timezone
from pathlib import Path

from graph.port import GraphPort
from loaders.load import load_files
from tests import factories as f
from tests.integration.graph_helpers import fingerprint

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures"
SAMPLE = FIXTURES / "reports.sample.jsonl"


def _load(port: GraphPort, *paths: Path, rejects: Path):  # type: ignore[no-untyped-def]
    return load_files(port, list(paths), rejects=rejects, batch_size=2)


def test_loading_twice_changes_nothing(graph: GraphPort, tmp_path: Path) -> None:
    first = _load(graph, SAMPLE, rejects=tmp_path / "r.csv")
    after_first = fingerprint(graph)
    second = _load(graph, SAMPLE, rejects=tmp_path / "r.csv")
    assert (first.created, first.unchanged) == (5, 0)
    assert (second.created, second.unchanged, second.conflicts) == (0, 5, 0)
    assert fingerprint(graph) == after_first
    assert after_first["node:Report"] == 5


def test_same_item_in_two_url_variants_is_one_node(graph: GraphPort, tmp_path: Path) -> None:
    _load(graph, SAMPLE, rejects=tmp_path / "r.csv")
    victim = graph.read("testing/content_for_report", id="public_web_form:WEB-2026-000101")
    witness = graph.read("testing/content_for_report", id="public_web_form:WEB-2026-000117")
    assert victim[0]["key"] == witness[0]["key"] == "x:status:1852003311440001234"
    assert victim[0]["account"] == witness[0]["account"] == "x:n0rth_patriot88"
    assert victim[0]["original_url"] != witness[0]["original_url"], "each report keeps the URL as pasted"


def test_times_are_stored_as_the_instants_and_offsets_given(graph: GraphPort, tmp_path: Path) -> None:
    record = f.report("TIMES", received_at="2026-11-02T09:14:05.25+01:00", occurred_from="2026-10-30T22:00:00-05:00",
                      occurred_to="2026-10-31T01:30:00Z",
                      content=[f.post("https://x.com/troll_one/status/1852003311440009999",
                                      posted_at="2026-10-30T23:59:59+05:30")])
    path = tmp_path / "times.jsonl"
    path.write_text(json.dumps(record) + "\n", encoding="utf-8")
    assert _load(graph, path, rejects=tmp_path / "r.csv").created == 1
    stored = graph.read("testing/report_by_id", id="public_web_form:TIMES")[0]["report"]
    [item] = graph.read("testing/content_for_report", id="public_web_form:TIMES")
    plus_one = timezone(timedelta(hours=1))
    assert stored["received_at"] == datetime(2026, 11, 2, 9, 14, 5, 250000, tzinfo=plus_one)
    assert stored["received_at"].utcoffset() == timedelta(hours=1)
    assert stored["occurred_from"] == datetime(2026, 10, 31, 3, 0, tzinfo=timezone.utc)
    assert stored["occurred_from"].utcoffset() == timedelta(hours=-5)
    assert stored["occurred_to"] == datetime(2026, 10, 31, 1, 30, tzinfo=timezone.utc)
    posted = datetime(2026, 10, 30, 18, 29, 59, tzinfo=timezone.utc)
    assert item["posted_at_given"] == item["posted_at"] == posted
    assert item["posted_at"].utcoffset() == timedelta(hours=5, minutes=30)


def test_bad_records_are_listed_and_good_ones_load(graph: GraphPort, tmp_path: Path) -> None:
    good = SAMPLE.read_text().splitlines()
    broken = json.loads(good[0])
    broken["reference"] = "BAD-1"
    broken["reporter"]["role"] = "bystander"
    missing = json.loads(good[1])
    missing["reference"] = "BAD-2"
    del missing["description"]
    source = tmp_path / "mixed.jsonl"
    source.write_text("\n".join([good[0], json.dumps(broken), "{not json", good[2], json.dumps(missing)]) + "\n")
    rejects = tmp_path / "rejects.csv"
    summary = _load(graph, source, rejects=rejects)
    assert (summary.read, summary.created, summary.rejected) == (5, 2, 3)
    rows = list(csv.DictReader(rejects.open()))
    found = {(row["line"], row["reference"], row["field"]) for row in rows}
    assert ("2", "BAD-1", "reporter.role") in found
    assert ("3", "", "(record)") in found
    assert ("5", "BAD-2", "description") in found
    assert all(row["reason"] for row in rows)
    assert fingerprint(graph)["node:Report"] == 2


def test_conflicting_resubmission_is_reported_not_applied(graph: GraphPort, tmp_path: Path) -> None:
    _load(graph, SAMPLE, rejects=tmp_path / "r.csv")
    before = graph.read("testing/report_by_id", id="public_web_form:WEB-2026-000101")[0]["report"]
    changed = json.loads(SAMPLE.read_text().splitlines()[0])
    changed["description"] = "a different account of events"
    source = tmp_path / "changed.jsonl"
    source.write_text(json.dumps(changed) + "\n")
    rejects = tmp_path / "rejects.csv"
    summary = _load(graph, source, rejects=rejects)
    assert (summary.created, summary.conflicts) == (0, 1)
    assert "conflict" in rejects.read_text()
    after = graph.read("testing/report_by_id", id="public_web_form:WEB-2026-000101")[0]["report"]
    assert after["description"] == before["description"]


def test_a_resubmission_inside_one_file_is_judged_too(graph: GraphPort, tmp_path: Path) -> None:
    line = SAMPLE.read_text().splitlines()[0]
    changed = json.loads(line)
    changed["description"] = "changed"
    source = tmp_path / "twice.jsonl"
    source.write_text("\n".join([line, line, json.dumps(changed)]) + "\n")
    summary = load_files(graph, [source], rejects=tmp_path / "r.csv", batch_size=10)
    assert (summary.created, summary.unchanged, summary.conflicts) == (1, 1, 1)


def test_csv_loads_the_same_graph_as_json_lines(graph: GraphPort, tmp_path: Path) -> None:
    _load(graph, SAMPLE, rejects=tmp_path / "r.csv")
    from_json = fingerprint(graph)
    graph.write_autocommit("testing/delete_data")
    summary = _load(graph, FIXTURES / "reports.sample.csv", rejects=tmp_path / "r2.csv")
    assert summary.rejected == 0, (tmp_path / "r2.csv").read_text() if summary.rejects_file else ""
    assert fingerprint(graph) == from_json


def test_each_batch_of_new_reports_is_logged_as_a_collection_with_it(graph: GraphPort, tmp_path: Path) -> None:
    from cli.common import command_event
    from graph.audit import search, verify

    def collected(path: Path, ids: list[str]):  # type: ignore[no-untyped-def]
        return command_event(by="intake.clerk", operation="collection", command=f"load {path.name}", node_ids=ids)

    summary = load_files(graph, [SAMPLE], rejects=tmp_path / "r.csv", batch_size=2, collected_by=collected)
    entries = search(graph, actor="intake.clerk")
    assert len(entries) == (summary.created + 1) // 2, "one entry per batch of two"
    assert sum(len(entry["node_ids"]) for entry in entries) == summary.created
    assert {entry["target"] for entry in entries} == {f"hub load {SAMPLE.name}"}
    load_files(graph, [SAMPLE], rejects=tmp_path / "r2.csv", batch_size=2, collected_by=collected)
    assert len(search(graph, actor="intake.clerk")) == len(entries), "a rerun collects nothing, logs nothing"
    assert verify(graph).intact


def test_accounts_have_one_platform_link_and_each_naming_is_made_once(graph: GraphPort, tmp_path: Path) -> None:
    """New accounts, named by several reports and items in one batch, get one platform link; posters are named
    once per report however many of their items it lists; loading again adds no link."""
    from loaders.contract import ReportIn
    from loaders.generate import generate, write_generated
    from loaders.intake_rows import rows_for

    reports, _ = write_generated(generate(600, seed=23), tmp_path)
    load_files(graph, [reports], rejects=tmp_path / "r.csv", batch_size=1000)  # one statement per step
    load_files(graph, [reports], rejects=tmp_path / "r.csv", batch_size=1000)  # again: nothing new
    [found] = graph.read("testing/account_links")
    posters = set()
    for line in reports.read_text().splitlines():
        rows = rows_for(ReportIn.model_validate_json(line))
        posters |= {(item["report"], item["author"]) for item in rows.items if item["author"]}
    assert found["accounts"] > 50 and len(posters) > 50, (found, len(posters))
    assert (found["repeated"], found["without_one_platform"]) == (0, 0)
    assert found["as_author"] == len(posters)
