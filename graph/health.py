"""Is the graph ready to serve: reachable, and every migration applied."""

from __future__ import annotations

from dataclasses import dataclass

from graph import migrations
from graph.port import GraphError, GraphPort


@dataclass(frozen=True)
class Readiness:
    """The answer to /readyz."""

    ready: bool
    neo4j: str
    pending_migrations: list[str]


def readiness(port: GraphPort) -> Readiness:
    """Check that Neo4j answers and that no migration is pending."""
    try:
        port.verify()
        waiting = [f"V{m.version:03d}__{m.name}" for m in migrations.pending(port)]
    except GraphError as exc:
        return Readiness(ready=False, neo4j=str(exc), pending_migrations=[])
    return Readiness(ready=not waiting, neo4j="reachable", pending_migrations=waiting)


def counts(port: GraphPort) -> dict[str, int]:
    """Return the number of nodes and relationships in the database."""
    row = port.read("schema/graph_counts")[0]
    return {"nodes": row["nodes"], "relationships": row["relationships"]}
