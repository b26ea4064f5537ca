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
