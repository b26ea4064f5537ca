"""Migrations apply idempotently and give every node key in docs/model.md a uniqueness constraint."""

from __future__ import annotations

import re
from pathlib import Path

from graph import migrations
from graph.port import GraphPort

MODEL_DOC = Path(__file__).resolve().parents[2] / "docs" / "model.md"


def _documented_keys() -> set[tuple[str, str]]:
    """Rows of the node table in docs/model.md: | `Label` | `key` | ..."""
    rows = re.findall(r"^\|\s*`(\w+)`\s*\|\s*`(\w+)`\s*\|", MODEL_DOC.read_text(), flags=re.MULTILINE)
    return set(rows)


def test_migrate_twice_changes_nothing(session_port: GraphPort) -> None:
    assert migrations.pending(session_port) == []
    assert migrations.migrate(session_port) == []


def test_every_documented_node_key_is_constrained(session_port: GraphPort) -> None:
    documented = _documented_keys()
    assert len(documented) >= 12, "docs/model.md lists too few node keys"
    constrained = {(row["label"], row["properties"][0]) for row in session_port.read("schema/list_constraints")}
    missing = documented - constrained
    assert not missing, f"node keys without a uniqueness constraint: {sorted(missing)}"


def test_constraint_rejects_a_second_node_with_the_same_key(graph: GraphPort) -> None:
    from graph.port import ConstraintViolation

    graph.write("testing/create_force", code="E23000001", name="Metropolitan Police")
    try:
        graph.write("testing/create_force", code="E23000001", name="again")
    except ConstraintViolation as exc:
        assert "E23000001" in str(exc)
    else:
        raise AssertionError("a duplicate Force key was accepted")


def test_routing_uri_works_as_for_a_cluster(neo4j_settings) -> None:  # type: ignore[no-untyped-def]
    routed = neo4j_settings.model_copy(update={"neo4j_uri": neo4j_settings.bolt_uri.replace("bolt://", "neo4j://")})
    with GraphPort(routed) as port:
        assert port.read("schema/applied_migrations"), "a neo4j:// (routing) URI reads through the same port"


def test_v018_gives_earlier_reports_the_poster_each_named(graph: GraphPort) -> None:
    from graph.intake import ingest
    from loaders.validation import validate_report
    from tests import factories as f

    for record in (f.report("A", content=[f.post("https://x.com/i/status/1010101010101010101", handle="@poster_a")]),
                   f.report("B", content=[{"platform": "X", "url": "https://x.com/i/status/1010101010101010101"}])):
        ingest(graph, [(validate_report(record), None)])
    loaded = graph.read("testing/concerns_authors")
    assert [row["author"] for row in loaded] == ["x:poster_a", None]  # B named no poster
    graph.write("testing/forget_concerns_authors")
    [v018] = [migration for migration in migrations.available() if migration.version == 18]
    for statement in v018.statements:
        graph.run_schema(statement)
    assert graph.read("testing/concerns_authors") == loaded
