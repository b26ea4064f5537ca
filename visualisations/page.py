"""Drawing an ego network into one self-contained HTML page with pyvis (vis-network inlined, nothing fetched).

Pure: plain rows in, the page out. The rows are the nodes ({ref, id, kind, label, pagerank, offender_score,
facts}) and edges ({source, target, relation}) of `graph.read.ego`; a test can hand any rows it likes.
"""

from __future__ import annotations

import json
import re
from collections import defaultdict
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date, datetime
from functools import lru_cache
from pathlib import Path
from typing import Any

import jinja2
import pyvis
from pyvis.network import Network

from visualisations.cut import NODE_CAP, cut_notice, most_connected
from visualisations.offline import outside_references
from visualisations.style import NODE_STYLES, edge_words, node_size, style_of

VIS_DIR = Path(pyvis.__file__).resolve().parent / "templates" / "lib" / "vis-9.1.2"
CONTACT_FACTS = frozenset({"email", "phone", "postcode"})
FREE_TEXT = frozenset({"name", "display_name", "text"})
WITHHELD = "[withheld]"
_EMAIL = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+")
_PHONE = re.compile(r"(?<![\w:/.])\+?\d[\d\s().-]{7,}\d(?!\w)")
_TEMPLATES = jinja2.Environment(
    loader=jinja2.FileSystemLoader(Path(__file__).resolve().parent / "templates"),
    autoescape=jinja2.select_autoescape(["html"]), undefined=jinja2.StrictUndefined,
)
_OPTIONS = {
    "nodes": {"font": {"size": 13}, "borderWidth": 1},
    "edges": {"arrows": {"to": {"enabled": True, "scaleFactor": 0.5}}, "color": {"color": "#8a8a8a"},
              "font": {"size": 10, "align": "middle", "color": "#505a5f"}, "smooth": {"type": "continuous"}},
    "physics": {"solver": "forceAtlas2Based", "stabilization": {"iterations": 300},
                "forceAtlas2Based": {"gravitationalConstant": -60, "springLength": 110}},
    "interaction": {"hover": True, "tooltipDelay": 120, "navigationButtons": False},
}


class OutsideReference(RuntimeError):
    """A page would have fetched something from another host; it is refused rather than served."""


@dataclass(frozen=True)
class NetworkPage:
    """A drawn page: its HTML, the ids of the nodes it shows (for the audit trail), and how much was cut."""

    html: str
    node_ids: tuple[str, ...]
    shown: int
    total: int
    notice: str | None


def render_network(*, ego: str, nodes: Sequence[Mapping[str, Any]], edges: Sequence[Mapping[str, Any]], title: str,
                   subtitle: str = "", contacts_withheld: str | None, cap: int = NODE_CAP,
                   walk_limited: bool = False) -> NetworkPage:
    """Return the page drawing these rows: the ego and, past `cap` nodes, only the most connected part around it.

    `contacts_withheld` is the caller's reason contact details are hidden (`Principal.contacts_withheld`), or None
    for a role that may see them; when set, no e-mail address or phone number appears anywhere in the page.
    """
    by_ref = {node["ref"]: node for node in nodes}
    if ego not in by_ref:
        raise ValueError(f"the centre {ego!r} is not among the nodes to draw")
    links = [(edge["source"], edge["target"]) for edge in edges if edge["source"] in by_ref and edge["target"] in by_ref]
    kept = most_connected(ego, list(by_ref), links, cap)
    kept_set = set(kept)
    network = Network(height="78vh", width="100%", directed=True, cdn_resources="in_line")
    network.options = _OPTIONS
    shares = role_shares([by_ref[ref] for ref in kept])
    for number, ref in enumerate(kept):
        look = _node_look(by_ref[ref], shares.get(ref), centre=ref == ego, withheld=contacts_withheld)
        network.add_node(number, **look)
    numbers = {ref: number for number, ref in enumerate(kept)}
    for (source, target), relations in _edge_labels(edges, kept_set).items():
        network.add_edge(numbers[source], numbers[target], label=relations, title=relations)
    notice = cut_notice(len(kept), len(by_ref), walk_limited=walk_limited)
    html = _draw(network, title=title, subtitle=subtitle, notice=notice, withheld=contacts_withheld)
    return NetworkPage(html=html, node_ids=tuple(str(by_ref[ref]["id"]) for ref in kept), shown=len(kept),
                       total=len(by_ref), notice=notice)


def tooltip(node: Mapping[str, Any], *, withheld: str | None) -> str:
    """Return a node's tooltip as plain text: its kind, label, id and key facts, contact details only when allowed."""
    style = style_of(str(node.get("kind")))
    lines = [f"{style.name}: {_label(node, withheld)}", f"id: {node['id']}"]
    facts = node.get("facts") or {}
    for key, value in facts.items():
        if key in CONTACT_FACTS and withheld:
            continue
        shown = _words(value)
        if not shown:
            continue
        if withheld and key in FREE_TEXT:
            shown = redact(shown)
        lines.append(f"{key.replace('_', ' ')}: {shown}")
    if withheld and any(facts.get(key) for key in CONTACT_FACTS) or withheld and node.get("kind") == "victim":
        lines.append("contact details withheld")
    text = "\n".join(lines)
    return _EMAIL.sub(WITHHELD, text) if withheld else text


def redact(text: str) -> str:
    """Return the text with every e-mail address and phone number replaced by [withheld]."""
    return _PHONE.sub(WITHHELD, _EMAIL.sub(WITHHELD, text))


def _label(node: Mapping[str, Any], withheld: str | None) -> str:
    label = str(node.get("label") or node["id"])
    if withheld:
        label = redact(label) if node.get("kind") in ("person", "victim", "account") else _EMAIL.sub(WITHHELD, label)
    return label if len(label) <= 40 else label[:39] + "\u2026"


def role_shares(nodes: Sequence[Mapping[str, Any]]) -> dict[str, float]:
    """Return each scored node's role score as a share (0-1] of the highest in the network.

    The score is pagerank where the node has one, else its repeat-offender score; each measure is compared
    only with its own kind, as the two are on different scales.
    """
    shares: dict[str, float] = {}
    for measure in ("pagerank", "offender_score"):
        scored = {node["ref"]: float(node[measure]) for node in nodes
                  if node["ref"] not in shares and node.get(measure) is not None and float(node[measure]) > 0}
        highest = max(scored.values(), default=0.0)
        shares.update({ref: value / highest for ref, value in scored.items()})
    return shares


def _node_look(node: Mapping[str, Any], share: float | None, *, centre: bool, withheld: str | None) -> dict[str, Any]:
    style = style_of(str(node.get("kind")))
    look: dict[str, Any] = {
        "label": _label(node, withheld),
        "title": tooltip(node, withheld=withheld),
        "shape": style.shape,
        "color": {"background": style.colour, "border": "#000000" if centre else style.colour,
                  "highlight": {"background": style.colour, "border": "#000000"}},
        "size": node_size(share),
        "kind": str(node.get("kind")),
    }
    if centre:
        look["borderWidth"] = 5
    return look


def _edge_labels(edges: Sequence[Mapping[str, Any]], kept: set[str]) -> dict[tuple[str, str], str]:
    """One labelled edge per pair of kept nodes and direction, naming every relationship between them."""
    relations: dict[tuple[str, str], list[str]] = defaultdict(list)
    for edge in edges:
        if edge["source"] in kept and edge["target"] in kept:
            words = edge_words(str(edge["relation"]))
            pair = (edge["source"], edge["target"])
            if words not in relations[pair]:
                relations[pair].append(words)
    return {pair: ", ".join(words) for pair, words in sorted(relations.items())}


def _words(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, datetime):
        return value.strftime("%Y-%m-%d %H:%M %Z").strip()
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, float):
        return f"{value:.3g}"
    if isinstance(value, (list, tuple)):
        return ", ".join(_words(item) for item in value if item is not None)
    return str(value)


@lru_cache(maxsize=1)
def _vis_files() -> tuple[str, str]:
    """vis-network's JavaScript and CSS, as pyvis ships them, to inline."""
    return ((VIS_DIR / "vis-network.min.js").read_text(encoding="utf-8"),
            (VIS_DIR / "vis-network.css").read_text(encoding="utf-8"))


def _script_json(value: Any) -> str:
    """JSON safe to place inside a <script> element: nothing in it can close the element."""
    text = json.dumps(value, ensure_ascii=False, default=str)
    for raw, escaped in (("<", "\\u003c"), (">", "\\u003e"), ("&", "\\u0026"), ("\u2028", "\\u2028"),
                         ("\u2029", "\\u2029")):
        text = text.replace(raw, escaped)
    return text


def _draw(network: Network, *, title: str, subtitle: str, notice: str | None, withheld: str | None) -> str:
    nodes, edges, _heading, height, _width, options = network.get_network_data()
    js, css = _vis_files()
    legend = [NODE_STYLES[kind] for kind in NODE_STYLES]
    html = _TEMPLATES.get_template("network_page.html").render(
        title=title, subtitle=subtitle, notice=notice, withheld=withheld, height=height, legend=legend,
        vis_js=js, vis_css=css, nodes_json=_script_json(nodes), edges_json=_script_json(edges),
        options_json=_script_json(json.loads(options)),
    )
    outside = outside_references(html)
    if outside:
        raise OutsideReference(f"the page would fetch from outside: {', '.join(outside[:5])}")
    return html
