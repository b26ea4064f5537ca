"""Every query file parses and plans against the real database, and every one is used by the code."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from graph import queries
from graph.port import GraphPort

ROOT = Path(__file__).resolve().parents[2]
CODE_DIRS = ("graph", "api", "loaders", "cli", "visualisations", "benchmarks")
USER_DIRS = (*CODE_DIRS, "tests")


def _python_sources() -> str:
    paths = [path for folder in USER_DIRS for path in (ROOT / folder).rglob("*.py") if path != Path(__file__)]
    return "\n".join(path.read_text() for path in paths)


@pytest.mark.parametrize("name", queries.all_names())
def test_query_plans(session_port: GraphPort, name: str) -> None:
    operators = session_port.explain(name)
    assert operators, f"cypher/{name}.cypher produced no plan"


def test_every_query_file_is_used() -> None:
    sources = _python_sources()
    unused = [name for name in queries.all_names() if not re.search(rf"[\"']{re.escape(name)}[\"']", sources)]
    assert not unused, f"query files nothing uses: {unused}"


def test_values_travel_as_parameters() -> None:
    """No Python source formats values into Cypher text: queries come only from files."""
    offenders = []
    for folder in CODE_DIRS:
        for path in (ROOT / folder).rglob("*.py"):
            text = path.read_text()
            if re.search(r"f[\"'](MATCH|MERGE|CREATE|UNWIND|RETURN|CALL)\b", text):
                offenders.append(str(path.relative_to(ROOT)))
    assert not offenders, f"Cypher built in Python: {offenders}"


def test_posting_time_candidates_seek_the_index_on_times_given(session_port: GraphPort) -> None:
    """Material of a minute is found by the range index on CONCERNS.posted_at, not by reading every mention."""
    operators = session_port.explain("dedupe/posting_time_candidates")
    assert any("RelationshipIndexSeekByRange" in operator for operator in operators), operators


def test_victim_candidates_seek_the_index_on_victim_keys(session_port: GraphPort) -> None:
    """The other reports naming a victim are found by the index on HAS_VICTIM.victim_key, not by reading them all."""
    operators = session_port.explain("dedupe/victim_candidates")
    assert any("RelationshipIndexSeek" in operator for operator in operators), operators
