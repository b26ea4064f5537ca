"""Per-request DataLoaders: every nested field of a kind, however many parents, is one Cypher call per level.

Loaders live in `context.loaders` (made on first use, dropped with the request), so a node is read once per
request and always with the caller's scope.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Sequence
from functools import partial

from strawberry.dataloader import DataLoader

from api.graphql.context import Context
from api.graphql.pagination import decode_cursor
from graph.port import Row
from graph.read import lists, nodes
from graph.read.links import LINK_QUERIES, linked
from graph.read.network import Network, account_networks

_NODE_READS: dict[str, Callable[..., list[Row]]] = {
    "case": nodes.cases_by_id,
    "case_detail": nodes.case_details,
    "report": nodes.reports_by_id,
    "person": nodes.people_by_id,
    "account": nodes.accounts_by_id,
    "item": nodes.items_by_id,
    "campaign": nodes.campaigns_by_id,
}
_REFERENCE_READS: dict[str, Callable[..., list[Row]]] = {"platform": nodes.platforms, "force": nodes.forces}


def _get(context: Context, name: str, make: Callable[[], DataLoader]) -> DataLoader:
    if name not in context.loaders:
        context.loaders[name] = make()
    return context.loaders[name]


async def _nodes(context: Context, kind: str, ids: Sequence[str]) -> list[Row | None]:
    if kind in _REFERENCE_READS:
        rows = await context.run(_REFERENCE_READS[kind], context.port, ids=list(ids))
    elif kind == "person":
        rows = await context.run(nodes.people_by_id, context.port, ids=list(ids), scope=context.scope,
                                 contacts=context.principal.contacts_withheld is None)
    else:
        rows = await context.run(_NODE_READS[kind], context.port, ids=list(ids), scope=context.scope)
    by_id = {row["id"]: row for row in rows}
    return [by_id.get(node_id) for node_id in ids]


def node_loader(context: Context, kind: str) -> DataLoader[str, Row | None]:
    """The loader of one kind of node by id (None for a node that does not exist or is out of scope)."""
    if kind not in _NODE_READS and kind not in _REFERENCE_READS:
        raise KeyError(f"no node loader for {kind!r}")
    return _get(context, f"node:{kind}", lambda: DataLoader(load_fn=partial(_nodes, context, kind)))


async def _links(context: Context, link: str, ids: Sequence[str]) -> list[list[Row]]:
    rows = await context.run(linked, context.port, link, ids=list(ids), scope=context.scope)
    grouped: dict[str, list[Row]] = defaultdict(list)
    for row in rows:
        grouped[row["key"]].append(row)
    return [grouped.get(node_id, []) for node_id in ids]


def link_loader(context: Context, link: str) -> DataLoader[str, list[Row]]:
    """The loader of one kind of link: parent id -> the rows of its visible children."""
    if link not in LINK_QUERIES:
        raise KeyError(f"no link loader for {link!r}")
    return _get(context, f"link:{link}", lambda: DataLoader(load_fn=partial(_links, context, link)))


async def _force_cases(context: Context, keys: Sequence[tuple[str, str | None, int]]) -> list[list[Row]]:
    grouped: dict[tuple[str | None, int], list[str]] = defaultdict(list)
    for force, cursor, size in keys:
        grouped[(cursor, size)].append(force)
    pages: dict[tuple[str, str | None, int], list[Row]] = {}
    for (cursor, size), forces in grouped.items():
        rows = await context.run(lists.force_cases, context.port, forces=forces, scope=context.scope,
                                 after=decode_cursor(cursor), limit=size + 1)
        for force in forces:
            pages[(force, cursor, size)] = [row for row in rows if row["key"] == force]
    return [pages[key] for key in keys]


def force_cases_loader(context: Context) -> DataLoader[tuple[str, str | None, int], list[Row]]:
    """The loader of a page of each force's cases: key (force code, after cursor, page size)."""
    return _get(context, "force_cases", lambda: DataLoader(load_fn=partial(_force_cases, context)))


async def _networks(context: Context, keys: Sequence[tuple[str, str | None, int]]) -> list[Network]:
    found: dict[tuple[str, str | None, int], Network] = {}
    for depth in sorted({depth for _, _, depth in keys}):
        starts = [(account, label) for account, label, hop in keys if hop == depth]
        networks = await context.run(account_networks, context.port, starts=starts, depth=depth, scope=context.scope)
        for account, label in starts:
            found[(account, label, depth)] = networks[account]
    return [found[key] for key in keys]


def network_loader(context: Context) -> DataLoader[tuple[str, str | None, int], Network]:
    """The loader of account networks: key (account id, its label, depth)."""
    return _get(context, "networks", lambda: DataLoader(load_fn=partial(_networks, context)))


def prime(context: Context, kind: str, rows: Sequence[Row]) -> None:
    """Put rows already read into the node loader of their kind, so that nested fields do not read them again."""
    loader = node_loader(context, kind)
    for row in rows:
        loader.prime(row["id"], row)

