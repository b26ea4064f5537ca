"""The s62 audit trail: concurrent entries form one unbroken chain; any change to it is detected."""

from __future__ import annotations

import json
import time
from concurrent.futures import ThreadPoolExecutor
from contextlib import ExitStack
from pathlib import Path

import pytest
import typer
from typer.testing import CliRunner

from cli import audit as audit_commands
from core.settings import Settings
from domain.access import Principal, Role
from graph.audit import AuditEvent, AuditTrail, Operation, append_in, entries, search, verify
from graph.port import GraphPort

OFFICER = Principal(user="j.smith", role=Role.FORCE_OFFICER, force="E23000005", credential="jti-1")


def _event(number: int) -> AuditEvent:
    return AuditEvent.by(
        OFFICER, Operation.CONSULTATION, "graphql query MyCases", node_ids=(f"case-{number}", "report-1"),
        justification=f"enquiry {number}",
    )


def _write(graph: GraphPort, count: int, *, threads: int = 1) -> None:
    trail = AuditTrail(graph)
    try:
        with ThreadPoolExecutor(threads) as pool:
            list(pool.map(lambda n: trail.record(_event(n)), range(count)))
    finally:
        trail.close()


def test_concurrent_entries_form_one_unbroken_chain(graph: GraphPort) -> None:
    _write(graph, 300, threads=24)
    rows = list(entries(graph))
    assert [row["seq"] for row in rows] == list(range(1, 301))
    assert sorted(row["justification"] for row in rows) == sorted(f"enquiry {n}" for n in range(300))
    assert all(row["actor"] == "j.smith" and row["force"] == "E23000005" for row in rows)
    result = verify(graph)
    assert result.intact, result.problems
    assert (result.entries, result.head_seq) == (300, 300)
    commits = graph.read("testing/label_counts")
    assert {row["kind"]: row["total"] for row in commits}.get("node:AuditHead") == 1


def test_writers_in_several_processes_keep_one_chain(graph: GraphPort) -> None:
    """Each API worker has its own writer, which remembers the head it wrote; others move the head meanwhile."""
    first, second = AuditTrail(graph), AuditTrail(graph)
    try:
        assert first.record(_event(0)) == 1
        assert second.record(_event(1)) == 2  # the first writer's remembered head is now stale
        graph.write_unit(lambda tx: append_in(tx, [_event(2)]))  # intake appends inside its own transaction
        before = graph.round_trips
        assert first.record(_event(3)) == 4
        assert graph.round_trips - before == 2  # the refused append names the head it found: no separate read
        with ThreadPoolExecutor(16) as pool:
            list(pool.map(lambda n: (first if n % 2 else second).record(_event(n)), range(4, 204)))
    finally:
        first.close()
        second.close()
    rows = list(entries(graph))
    assert [row["seq"] for row in rows] == list(range(1, 205))
    assert [row["justification"] for row in rows[:4]] == [f"enquiry {n}" for n in range(4)]
    assert rows[3]["prev_hash"] == rows[2]["hash"]
    result = verify(graph)
    assert result.intact, result.problems


def _two_entries_apart(trail: AuditTrail, announced: int) -> tuple[list[int], float]:
    """Submit two entries 0.1 s apart while `announced` callers say theirs are coming; return the commits'
    sizes and how long the first entry took to be written."""
    commits: list[int] = []
    commit = trail._commit
    trail._commit = lambda batch: (commits.append(len(batch)), commit(batch))[1]  # type: ignore[method-assign]
    with ExitStack() as stack:
        for _ in range(announced):
            stack.enter_context(trail.coming())
        started = time.monotonic()
        first = trail.submit(_event(0))
        written: list[float] = []
        first.add_done_callback(lambda _: written.append(time.monotonic() - started))
        time.sleep(0.1)
        second = trail.submit(_event(1))
        first.result(timeout=10)
        second.result(timeout=10)
    return commits, written[0]


def test_under_load_the_writer_waits_to_commit_entries_together(graph: GraphPort) -> None:
    trail = AuditTrail(graph, commit_delay_s=0.5, commit_siblings=3)
    try:
        assert _two_entries_apart(trail, announced=3)[0] == [2]  # three requests running: one commit for both
        commits, waited = _two_entries_apart(trail, announced=2)  # fewer than the siblings: no wait
        assert commits == [1, 1] and waited < 0.1
    finally:
        trail.close()
    result = verify(graph)
    assert result.intact and result.entries == 4


def test_search_filters_for_auditors(graph: GraphPort) -> None:
    _write(graph, 5)
    assert [row["seq"] for row in search(graph, node="case-3")] == [4]
    assert [row["seq"] for row in search(graph, actor="j.smith", limit=2)] == [5, 4]
    assert [row["seq"] for row in search(graph, actor="j.smith", before=4, limit=2)] == [3, 2]
    assert search(graph, operation="erasure") == []


def test_a_changed_entry_is_detected(graph: GraphPort) -> None:
    _write(graph, 10)
    graph.write("testing/tamper_audit_entry", seq=4, justification="nothing to see", shift_seconds=None)
    result = verify(graph)
    assert not result.intact
    assert result.problems == ("entry 4: its contents were changed after it was written (hash differs)",)


def test_a_moved_time_is_detected(graph: GraphPort) -> None:
    _write(graph, 3)
    graph.write("testing/tamper_audit_entry", seq=2, justification=None, shift_seconds=3600)
    assert verify(graph).problems == ("entry 2: its time was changed after it was written",)


def test_a_removed_entry_and_a_removed_tail_are_detected(graph: GraphPort) -> None:
    _write(graph, 6)
    graph.write("testing/delete_audit_entry", seq=3)
    problems = verify(graph).problems
    assert "entry 3: missing (next entry found is 4)" in problems
    assert "entry 4: does not follow the entry before it (prev_hash differs)" in problems
    graph.write("testing/delete_audit_entry", seq=6)
    assert any("head records entry 6" in problem for problem in verify(graph).problems)


def test_hub_audit_verify_and_export(graph: GraphPort, neo4j_settings: Settings, monkeypatch: pytest.MonkeyPatch,
                                     tmp_path: Path) -> None:
    monkeypatch.setenv("NEO4J_URI", neo4j_settings.bolt_uri)
    if neo4j_settings.neo4j_password:
        monkeypatch.setenv("NEO4J_PASSWORD", neo4j_settings.neo4j_password.get_secret_value())
    app = typer.Typer()
    app.add_typer(audit_commands.app, name="audit")
    runner = CliRunner()
    _write(graph, 4)
    intact = runner.invoke(app, ["audit", "verify"])
    assert intact.exit_code == 0 and "intact: 4 entries" in intact.output
    out = tmp_path / "audit.jsonl"
    assert runner.invoke(app, ["audit", "export", "--out", str(out)]).exit_code == 0
    exported = [json.loads(line) for line in out.read_text().splitlines()]
    assert [entry["seq"] for entry in exported] == [1, 2, 3, 4] and exported[0]["prev_hash"] == "0" * 64
    graph.write("testing/tamper_audit_entry", seq=2, justification="rewritten", shift_seconds=None)
    broken = runner.invoke(app, ["audit", "verify"])
    assert broken.exit_code == 1
    assert "entry 2: its contents were changed" in broken.output


AUDIT_QUERY = """query Trail($after: String) {
  auditTrail(first: 2, after: $after, actor: "j.smith") {
    edges { cursor node { seq actor operation nodeIds justification hash prevHash } }
    pageInfo { hasNextPage endCursor }
  }
  auditVerification { intact entries }
}"""


def test_auditors_read_the_trail_through_graphql_and_their_look_is_logged(
    graph: GraphPort, neo4j_settings: Settings
) -> None:
    from fastapi.testclient import TestClient

    from api.app import create_app
    from tests.integration.api_helpers import headers, token_for

    _write(graph, 3)
    auditor = token_for(graph, neo4j_settings, Role.AUDITOR, user="auditor")
    lead = token_for(graph, neo4j_settings, Role.HUB_LEAD, user="lead")
    with TestClient(create_app(neo4j_settings)) as client:
        first = client.post("/graphql", json={"query": AUDIT_QUERY}, headers=headers(auditor, None)).json()
        page = first["data"]["auditTrail"]
        assert [edge["node"]["seq"] for edge in page["edges"]] == [3, 2]
        assert page["edges"][0]["node"]["nodeIds"] == ["case-2", "report-1"]
        assert first["data"]["auditVerification"] == {"intact": True, "entries": 3}
        second = client.post("/graphql", json={"query": AUDIT_QUERY, "variables": {"after": page["pageInfo"]["endCursor"]}},
                             headers=headers(auditor, None)).json()["data"]["auditTrail"]
        assert [edge["node"]["seq"] for edge in second["edges"]] == [1] and not second["pageInfo"]["hasNextPage"]
        refused = client.post("/graphql", json={"query": "{ auditTrail { edges { cursor } } }"},
                              headers=headers(lead)).json()
        assert refused["data"] is None and "hub_lead may not read the audit trail" in refused["errors"][0]["message"]
    looks = search(graph, actor="auditor")
    assert len(looks) == 2 and all(row["operation"] == "consultation" for row in looks)
    refusal = search(graph, actor="lead")
    assert len(refusal) == 1 and refusal[0]["outcome"].startswith("refused: role hub_lead may not read the audit")
    assert verify(graph).intact
