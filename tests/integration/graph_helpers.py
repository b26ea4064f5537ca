"""Small helpers the integration tests share: the graph's fingerprint."""

from __future__ import annotations

from graph.port import GraphPort


def fingerprint(port: GraphPort) -> dict[str, int]:
    """Return node counts per label and relationship counts per type."""
    return {row["kind"]: row["total"] for row in port.read("testing/label_counts")}
