"""Network pages drawn from plain rows: look by kind, size by role score, the cut, redaction, and nothing fetched."""

from __future__ import annotations

import json
import re
from typing import Any

import pytest

from visualisations.cut import most_connected
from visualisations.offline import outside_references
from visualisations.page import OutsideReference, render_network
from visualisations.style import MAX_SIZE, MIN_SIZE, NODE_STYLES

WITHHELD = "contact details are withheld from the hub_analyst role: it does not contact victims"


def node(ref: str, kind: str = "account", **fields: Any) -> dict[str, Any]:
    return {"ref": ref, "id": fields.pop("id", f"id-{ref}"), "kind": kind, "label": fields.pop("label", ref),
            "pagerank": fields.pop("pagerank", None), "offender_score": fields.pop("offender_score", None),
            "facts": fields}


def edge(source: str, target: str, relation: str = "NAMES_ACCOUNT") -> dict[str, str]:
    return {"source": source, "target": target, "relation": relation}


def drawn(html: str) -> tuple[list[dict], list[dict]]:
    """The nodes and edges the page hands to vis-network."""
    found = re.findall(r"new vis\.DataSet\((.*?)\);\n", html)
    return json.loads(found[0]), json.loads(found[1])


def draw(nodes: list[dict], edges: list[dict], *, ego: str = "ego", withheld: str | None = None, cap: int = 150):
    return render_network(ego=ego, nodes=nodes, edges=edges, title="Network of case c1", contacts_withheld=withheld,
                          cap=cap)


def test_every_kind_has_its_own_colour_and_shape_and_a_legend_entry() -> None:
    kinds = ["account", "person", "victim", "case", "report", "item", "campaign", "platform"]
    assert set(NODE_STYLES) == set(kinds)
    nodes = [node("ego", "case")] + [node(kind, kind) for kind in kinds if kind != "case"]
    page = draw(nodes, [edge("ego", kind, "IN_CASE") for kind in kinds if kind != "case"])
    looks = {item["kind"]: (item["color"]["background"], item["shape"]) for item in drawn(page.html)[0]}
    assert looks == {kind: (NODE_STYLES[kind].colour, NODE_STYLES[kind].shape) for kind in kinds}
    assert len({colour for colour, _ in looks.values()}) == 8 and len({shape for _, shape in looks.values()}) == 8
    for style in NODE_STYLES.values():
        assert style.name in page.html and style.colour in page.html, "the legend names and colours every kind"


def test_sizes_follow_the_role_score_and_edges_are_labelled() -> None:
    nodes = [node("ego", pagerank=0.1), node("big", pagerank=0.4), node("mid", pagerank=0.2),
             node("ranked", offender_score=7.0), node("lesser", offender_score=3.5), node("none", "report")]
    edges = [edge("none", other) for other in ("ego", "big", "mid", "ranked", "lesser")]
    page = draw(nodes, edges)
    drawn_nodes, drawn_edges = drawn(page.html)
    size = {item["label"]: item["size"] for item in drawn_nodes}
    assert size["big"] == MAX_SIZE and size["ranked"] == MAX_SIZE, "each measure is scaled to its own highest"
    assert size["big"] > size["mid"] > size["ego"] > size["none"] == MIN_SIZE
    assert size["ranked"] > size["lesser"] > MIN_SIZE
    assert {item["label"] for item in drawn_edges} == {"names"}
    assert next(item for item in drawn_nodes if item["label"] == "ego")["borderWidth"] == 5, "the centre stands out"


def _star_of_stars() -> tuple[list[dict], list[dict]]:
    """The ego with 3 hubs of 30 leaves each, and 40 leaves of its own: 134 nodes."""
    nodes, edges = [node("ego", "case")], []
    for hub in range(3):
        nodes.append(node(f"hub{hub}", "report"))
        edges.append(edge(f"hub{hub}", "ego", "IN_CASE"))
        for leaf in range(30):
            nodes.append(node(f"hub{hub}-leaf{leaf}"))
            edges.append(edge(f"hub{hub}", f"hub{hub}-leaf{leaf}"))
    for leaf in range(40):
        nodes.append(node(f"own{leaf}", "report"))
        edges.append(edge(f"own{leaf}", "ego", "IN_CASE"))
    return nodes, edges


def test_a_large_network_keeps_the_ego_and_the_most_connected_with_a_notice() -> None:
    nodes, edges = _star_of_stars()
    page = draw(nodes, edges, cap=50)
    assert (page.shown, page.total) == (50, 134)
    assert page.notice == "showing 50 of 134 nodes, the most connected"
    assert "showing 50 of 134 nodes, the most connected" in page.html
    kept = {item["label"] for item in drawn(page.html)[0]}
    assert {"ego", "hub0", "hub1", "hub2"} <= kept, "the hubs are kept before any leaf"
    assert page.node_ids[0] == "id-ego" and len(page.node_ids) == 50
    _, drawn_edges = drawn(page.html)
    assert all(item["from"] < 50 and item["to"] < 50 for item in drawn_edges), "no edge to a node cut away"
    whole = draw(nodes, edges)
    assert whole.notice is None and whole.shown == 134 and "the most connected" not in whole.html


def test_the_cut_keeps_the_ego_even_when_it_is_the_least_connected() -> None:
    nodes = ["ego"] + [f"n{number}" for number in range(10)]
    edges = [("ego", "n0")] + [(f"n{a}", f"n{b}") for a in range(1, 10) for b in range(a + 1, 10)]
    kept = most_connected("ego", nodes, edges, cap=3)
    assert kept[0] == "ego" and len(kept) == 3 and "n0" in kept


CONTACTS = {"email": "amira@example.org", "phone": "+447700900001", "postcode": "M14 5RJ", "roles": ["victim"]}


def test_tooltips_carry_no_email_or_phone_when_contacts_are_withheld() -> None:
    nodes = [node("ego", "victim", label="Amira Haddad", **CONTACTS),
             node("item", "item", text="ring me on 07700 900123 or write to troll@example.net"),
             node("acct", display_name="bob@example.com")]
    edges = [edge("ego", "item", "CONCERNS"), edge("ego", "acct")]
    withheld = draw(nodes, edges, withheld=WITHHELD)
    for secret in ("amira@example.org", "+447700900001", "07700 900123", "troll@example.net", "bob@example.com",
                   "M14 5RJ"):
        assert secret not in withheld.html, secret
    titles = [item["title"] for item in drawn(withheld.html)[0]]
    assert any("contact details withheld" in title for title in titles)
    assert WITHHELD in withheld.html, "the page says why"
    shown = draw(nodes, edges, withheld=None)
    victim = next(item["title"] for item in drawn(shown.html)[0] if item["kind"] == "victim")
    assert "amira@example.org" in victim and "+447700900001" in victim, "roles that may see contacts do"


def test_text_in_rows_cannot_break_out_of_the_page_script() -> None:
    page = draw([node("ego", label="</script><script src=https://evil.example/x.js></script>")], [])
    assert outside_references(page.html) == []
    assert "</script><script src=https://evil" not in page.html


def test_the_page_references_nothing_outside_itself() -> None:
    page = draw([node("ego", "case"), node("a")], [edge("a", "ego")])
    assert outside_references(page.html) == []
    assert "vis.Network" in page.html and len(page.html) > 400_000, "vis-network itself is inlined"
    assert re.search(r"<(script|link|img)[^>]+(src|href)=", page.html) is None


@pytest.mark.parametrize("reference", [
    '<script src="https://cdnjs.cloudflare.com/ajax/libs/vis-network/9.1.2/dist/vis-network.min.js"></script>',
    '<link rel="stylesheet" href="https://cdn.jsdelivr.net/npm/bootstrap@5/dist/css/bootstrap.min.css">',
    '<img src="http://tracker.example/pixel.gif">',
    '<script src="//cdn.example/x.js"></script>',
    '<style>body { background: url("https://img.example/bg.png") }</style>',
    "<style>@import 'https://fonts.example/css';</style>",
    '<div style="background-image: url(http://img.example/a.png)"></div>',
])
def test_the_check_fails_on_a_page_with_an_outside_resource(reference: str) -> None:
    page = draw([node("ego")], []).html.replace("</body>", reference + "</body>")
    assert outside_references(page), reference


def test_local_and_inline_resources_are_not_outside() -> None:
    html = ('<img src="data:image/png;base64,AAAA"><style>.a { background: url("data:image/png;base64,AA") }</style>'
            '<link rel="icon" href="/favicon.ico"><script>var u = "https://visjs.github.io/";</script>')
    assert outside_references(html) == []


def test_a_page_that_would_fetch_from_outside_is_refused(monkeypatch: pytest.MonkeyPatch) -> None:
    import visualisations.page as page_module

    js, css = page_module._vis_files()
    monkeypatch.setattr(page_module, "_vis_files", lambda: (js, css + "@import url(https://fonts.example/x.css);"))
    with pytest.raises(OutsideReference, match="fonts.example"):
        draw([node("ego")], [])
