"""How each kind of node and relationship looks on a network page: colour, shape, legend words, edge labels."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class NodeStyle:
    """The look of one kind of node, and the words and symbol the legend shows for it."""

    name: str
    colour: str
    shape: str  # a vis-network shape
    symbol: str  # the legend's drawing of that shape


NODE_STYLES: dict[str, NodeStyle] = {
    "account": NodeStyle("Account", "#d62728", "dot", "\u25cf"),
    "person": NodeStyle("Person or subject", "#ff7f0e", "triangle", "\u25b2"),
    "victim": NodeStyle("Victim", "#2ca02c", "star", "\u2605"),
    "case": NodeStyle("Case", "#1f77b4", "square", "\u25a0"),
    "report": NodeStyle("Report", "#9467bd", "diamond", "\u25c6"),
    "item": NodeStyle("Content item", "#8c564b", "triangleDown", "\u25bc"),
    "campaign": NodeStyle("Campaign", "#e377c2", "hexagon", "\u2b22"),
    "platform": NodeStyle("Platform", "#7f7f7f", "box", "\u25ad"),
}
UNKNOWN = NodeStyle("Other", "#bcbd22", "ellipse", "\u2b2d")

EDGE_WORDS = {
    "REPORTED_BY": "reported by",
    "HAS_VICTIM": "victim",
    "HAS_SUBJECT": "subject",
    "CONCERNS": "concerns",
    "NAMES_ACCOUNT": "names",
    "IN_CASE": "in case",
    "POSTED_BY": "posted by",
    "ON_PLATFORM": "on",
    "IN_CAMPAIGN": "in campaign",
    "PART_OF": "part of",
    "CONTROLS": "controls",
    "SAID_TO_USE": "said to use",
    "RESOLVES": "resolves",
    "LINKED_SERIES": "linked series",
    "DUPLICATE_OF": "duplicate of",
}

MIN_SIZE = 12  # a node without a role score, or with the lowest
MAX_SIZE = 40  # the node with the highest role score in the network


def style_of(kind: str) -> NodeStyle:
    """Return the style of a node kind (a neutral one for a kind the page does not know)."""
    return NODE_STYLES.get(kind, UNKNOWN)


def edge_words(relation: str) -> str:
    """Return the edge label for a relationship type, in plain words."""
    return EDGE_WORDS.get(relation, relation.replace("_", " ").lower())


def node_size(share: float | None) -> float:
    """Return a node's size from its role score as a share of the network's highest: MIN_SIZE without one."""
    if share is None or share <= 0:
        return float(MIN_SIZE)
    return MIN_SIZE + (MAX_SIZE - MIN_SIZE) * min(share, 1.0)
