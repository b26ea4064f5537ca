"""The ego network of one account, person, victim, case or campaign, for the network pages.

Walked hop by hop from the centre in one read transaction (so element ids stay valid from one query to the
next), never further than the caller's scope lets the queries see: a node outside it is neither drawn nor
walked through. Platforms are drawn but never walked through.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from graph.port import GraphPort, Row, Tx

KINDS = ("account", "person", "victim", "case", "campaign")
MAX_DEPTH = 3
WALK_LIMIT = 2000  # nodes read at most; the page then keeps its most connected part
_CENTRE = {
    "account": "visualisations/ego_account",
    "person": "visualisations/ego_person",
    "victim": "visualisations/ego_victim",
    "case": "visualisations/ego_case",
    "campaign": "visualisations/ego_campaign",
}


@dataclass
class EgoNetwork:
    """The rows of one ego network: nodes ({ref, id, kind, label, pagerank, offender_score, facts}) and edges
    ({source, target, relation}).

    `ego` is the centre's ref; `walk_limited` says the walk stopped at its limit, so more nodes lie beyond.
    """

    ego: str
    nodes: list[Row] = field(default_factory=list)
    edges: list[Row] = field(default_factory=list)
    walk_limited: bool = False


def ego_network(port: GraphPort, *, kind: str, node_id: str, depth: int, scope: dict[str, Any], contacts: bool,
                limit: int = WALK_LIMIT) -> EgoNetwork | None:
    """Return the network `depth` hops around the node, or None when it does not exist or the caller may not see it.

    `contacts` is whether the caller may see victims' and reporters' e-mail, phone and postcode: when false the
    query does not read them at all.
    """
    if kind not in _CENTRE:
        raise ValueError(f"kind must be one of {', '.join(KINDS)}, not {kind!r}")
    if depth not in range(1, MAX_DEPTH + 1):
        raise ValueError(f"depth must be between 1 and {MAX_DEPTH}, not {depth}")

    def walk(tx: Tx) -> EgoNetwork | None:
        found = tx.run(_CENTRE[kind], id=node_id, scope=scope)
        if not found:
            return None
        ego = found[0]["ref"]
        seen, frontier, limited = [ego], [ego], False
        for _ in range(depth):
            room = limit - len(seen)
            if not frontier or room <= 0:
                limited = limited or (room <= 0 and bool(frontier))
                break
            rows = tx.run("visualisations/neighbours", refs=frontier, seen=seen, scope=scope, limit=room + 1)
            frontier = [row["ref"] for row in rows][:room]
            limited = limited or len(rows) > room
            seen.extend(frontier)
        nodes = tx.run("visualisations/nodes", refs=seen, scope=scope, contacts=contacts)
        visible = [node["ref"] for node in nodes]
        edges = tx.run("visualisations/edges", refs=visible)
        return EgoNetwork(ego=ego, nodes=nodes, edges=edges, walk_limited=limited)

    return port.read_unit(walk)
