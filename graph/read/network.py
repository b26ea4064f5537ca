"""An account's network: the accounts it is linked to through shared cases, campaigns or a controlling person.

Walked hop by hop from many starting accounts at once (one query per hop, whatever the number of starts),
never further than the caller's scope lets the query see, and cut at `cap` nodes per network.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from graph.port import GraphPort, Row

MAX_DEPTH = 2
NETWORK_CAP = 200
PER_VIA = 50  # other accounts taken through one case, campaign or person (by id), so a big campaign stays cheap
_EDGE_KIND = {"case": "named_in_case", "campaign": "in_campaign", "person": "controlled_by"}


@dataclass
class Network:
    """The nodes ({id, kind, label}) and edges ({source, target, kind}) around one account."""

    nodes: dict[str, Row] = field(default_factory=dict)
    edges: dict[tuple[str, str, str], Row] = field(default_factory=dict)
    truncated: bool = False

    def add_node(self, node_id: str, kind: str, label: str | None, cap: int) -> bool:
        """Add a node unless the network is full; return whether it is in the network."""
        if node_id in self.nodes:
            return True
        if len(self.nodes) >= cap:
            self.truncated = True
            return False
        self.nodes[node_id] = {"id": node_id, "kind": kind, "label": label or node_id}
        return True

    def add_edge(self, source: str, target: str, kind: str) -> None:
        """Add an edge between two nodes already in the network."""
        self.edges.setdefault((source, target, kind), {"source": source, "target": target, "kind": kind})


def account_networks(port: GraphPort, *, starts: Sequence[tuple[str, str | None]], depth: int,
                     scope: dict[str, Any], cap: int = NETWORK_CAP) -> dict[str, Network]:
    """Return each starting account's network (`starts` = (id, label) pairs of visible accounts), `depth` hops out."""
    if depth not in range(1, MAX_DEPTH + 1):
        raise ValueError(f"depth must be 1 or {MAX_DEPTH}, not {depth}")
    networks = {start: Network() for start, _ in starts}
    frontiers = {start: [start] for start, _ in starts}
    for start, label in starts:
        networks[start].add_node(start, "account", label, cap)
    links: dict[str, list[Row]] = {}
    for _ in range(depth):
        wanted = sorted({account for frontier in frontiers.values() for account in frontier} - links.keys())
        if wanted:
            for account in wanted:
                links[account] = []
            rows = port.read("api/account_links", ids=wanted, scope=scope, per_via=PER_VIA,
                             limit=cap * len(wanted) * 4)
            for row in rows:
                links[row["key"]].append(row)
        frontiers = {start: _expand(networks[start], frontiers[start], links, cap) for start in frontiers}
    return networks


def _expand(network: Network, frontier: list[str], links: dict[str, list[Row]], cap: int) -> list[str]:
    """Add the links of every frontier account to the network; return the accounts newly reached."""
    reached: list[str] = []
    for account in frontier:
        for row in links.get(account, []):
            if not network.add_node(row["via"], row["via_kind"], row["via_label"], cap):
                continue
            network.add_edge(account, row["via"], _EDGE_KIND[row["via_kind"]])
            if row["other"] is None:
                continue
            is_new = row["other"] not in network.nodes
            if not network.add_node(row["other"], "account", row["other_label"], cap):
                continue
            network.add_edge(row["other"], row["via"], _EDGE_KIND[row["via_kind"]])
            if is_new:
                reached.append(row["other"])
    return reached
