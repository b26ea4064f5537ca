"""Review decisions: confirm, reject, split and undo, each recorded, each respected by reruns."""

from __future__ import annotations

import pytest

from graph.dedupe import review
from graph.dedupe.batch import recompute
from graph.intake import ingest
from graph.port import GraphPort
from loaders.validation import validate_report
from tests import factories as f

TWEET = "https://x.com/troll_one/status/1111111111111111111"


def _load(port: GraphPort, *records: dict) -> list[str]:
    ids = []
    for record in records:
        ids.extend(outcome.id for outcome in ingest(port, [(validate_report(record), None)]))
    return ids


def _case(port: GraphPort, report: str) -> str:
    found = review.case_of(port, report)
    assert found is not None
    return found["case"]


def _dm(reference: str, text: str, minute: int) -> dict:
    return f.report(
        reference, **f.victim_reporter("Ana Silva", "ana@example.org"),
        content=[f.post(None, kind="direct_message", platform="Instagram", handle="hater_1", text=text,
                        posted_at=f"2026-10-01T20:{minute:02d}:00+00:00")],
    )


def test_confirm_then_undo(graph: GraphPort) -> None:
    a, b = _load(graph, _dm("A", "you people are vermin and I know where you live", 0),
                 _dm("B", "you people are vermin and I know where you live!!", 4))
    assert _case(graph, a) != _case(graph, b)
    assert review.review_queue(graph)[0]["report"] == b
    decision = review.decide(graph, kind="confirm", reports=[b, a], by="analyst.jones", reason="same DM, screenshots match")
    assert _case(graph, a) == _case(graph, b)
    assert review.review_queue(graph) == [], "a decided pair leaves the queue"
    recompute(graph)
    assert _case(graph, a) == _case(graph, b), "the batch rerun keeps the confirmation"
    review.undo(graph, decision=decision.decision, by="analyst.jones", reason="wrong thread")
    assert _case(graph, a) != _case(graph, b)
    [entry] = review.history(graph, a)
    assert entry["by"] == "analyst.jones" and entry["active"] is False and entry["undone_by"] == "analyst.jones"


def test_rejected_pair_is_never_merged_again(graph: GraphPort) -> None:
    a, b = _load(graph, f.report("A", content=[f.post(TWEET)]), f.report("B", content=[f.post(TWEET)]))
    assert _case(graph, a) == _case(graph, b)
    review.decide(graph, kind="reject", reports=[a, b], by="analyst.jones", reason="different threads")
    assert _case(graph, a) != _case(graph, b)
    [c] = _load(graph, f.report("C", content=[f.post(TWEET)]))
    assert _case(graph, a) != _case(graph, b), "a third report on the same item does not rejoin them"
    recompute(graph)
    assert _case(graph, a) != _case(graph, b)
    assert _case(graph, c) in {_case(graph, a), _case(graph, b)}


def test_split_then_undo(graph: GraphPort) -> None:
    a, b, c = _load(graph, *(f.report(ref, content=[f.post(TWEET)]) for ref in "ABC"))
    decision = review.decide(graph, kind="split", reports=[b], by="officer.patel", reason="reporter confused two posts")
    assert _case(graph, a) == _case(graph, c) != _case(graph, b)
    recompute(graph)
    assert _case(graph, a) == _case(graph, c) != _case(graph, b)
    review.undo(graph, decision=decision.decision, by="officer.patel", reason="checked again")
    assert _case(graph, a) == _case(graph, b) == _case(graph, c)


@pytest.mark.parametrize(
    ("kind", "reports", "by", "reason", "message"),
    [
        ("merge", ["x", "y"], "a", "b", "kind must be one of"),
        ("confirm", ["x"], "a", "b", "2 different report"),
        ("split", ["x", "y"], "a", "b", "1 different report"),
        ("reject", ["x", "x"], "a", "b", "2 different report"),
        ("reject", ["x", "y"], " ", "b", "who made it and why"),
        ("reject", ["x", "y"], "a", "b", "no such report"),
    ],
)
def test_bad_decisions_are_refused(graph: GraphPort, kind: str, reports: list[str], by: str, reason: str, message: str) -> None:
    with pytest.raises(review.ReviewError, match=message):
        review.decide(graph, kind=kind, reports=reports, by=by, reason=reason)


def test_review_from_the_command_line_is_audited(graph: GraphPort, neo4j_settings, monkeypatch) -> None:
    import typer
    from typer.testing import CliRunner

    from cli.dedupe import review_app
    from graph.audit import search, verify

    monkeypatch.setenv("NEO4J_URI", neo4j_settings.bolt_uri)
    if neo4j_settings.neo4j_password:
        monkeypatch.setenv("NEO4J_PASSWORD", neo4j_settings.neo4j_password.get_secret_value())
    a, b = _load(graph, _dm("A", "you people are vermin and should leave", 1), _dm("B", "go back where you came from now", 30))
    app = typer.Typer()
    app.add_typer(review_app, name="review")
    confirmed = CliRunner().invoke(app, ["review", "confirm", a, b, "--by", "analyst.jones", "--reason", "same sender"])
    assert confirmed.exit_code == 0, confirmed.output
    [entry] = search(graph, actor="analyst.jones")
    assert entry["operation"] == "combination" and entry["target"] == "hub review confirm"
    assert {a, b, _case(graph, a)} <= set(entry["node_ids"]) and entry["justification"] == "same sender"
    decision = next(i for i in entry["node_ids"] if i not in {a, b, _case(graph, a), _case(graph, b)})
    undone = CliRunner().invoke(app, ["review", "undo", decision, "--by", "analyst.jones", "--reason", "wrong"])
    assert undone.exit_code == 0, undone.output
    assert [row["operation"] for row in search(graph, actor="analyst.jones")] == ["alteration", "combination"]
    assert verify(graph).intact
