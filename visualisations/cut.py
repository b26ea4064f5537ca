"""Cutting a network too large to read down to its most connected part around the centre."""

from __future__ import annotations

import heapq
from collections import defaultdict
from collections.abc import Iterable, Sequence

NODE_CAP = 150


def degrees(nodes: Iterable[str], edges: Iterable[tuple[str, str]]) -> dict[str, int]:
    """Return each node's number of distinct neighbours among `nodes` (edges taken in either direction)."""
    wanted = set(nodes)
    neighbours: dict[str, set[str]] = {node: set() for node in wanted}
    for source, target in edges:
        if source in wanted and target in wanted and source != target:
            neighbours[source].add(target)
            neighbours[target].add(source)
    return {node: len(linked) for node, linked in neighbours.items()}


def most_connected(ego: str, nodes: Sequence[str], edges: Sequence[tuple[str, str]], cap: int = NODE_CAP) -> list[str]:
    """Return at most `cap` of `nodes`, always with `ego`: the part a reader most needs when all cannot be drawn.

    Grown outwards from the ego, always taking next the node with the most neighbours among those touching
    what is kept already, so the kept part stays connected and holds the hubs nearest the centre. Ties go to
    the lower id, so the same network is always cut the same way. Nodes not connected to the ego at all come
    last, by degree.
    """
    if len(nodes) <= cap:
        return list(nodes)
    degree = degrees(nodes, edges)
    adjacent: dict[str, set[str]] = defaultdict(set)
    for source, target in edges:
        if source in degree and target in degree:
            adjacent[source].add(target)
            adjacent[target].add(source)
    kept = [ego]
    taken = {ego}
    queue: list[tuple[int, str]] = []
    for neighbour in adjacent[ego]:
        heapq.heappush(queue, (-degree[neighbour], neighbour))
    while queue and len(kept) < cap:
        _, node = heapq.heappop(queue)
        if node in taken:
            continue
        taken.add(node)
        kept.append(node)
        for neighbour in adjacent[node]:
            if neighbour not in taken:
                heapq.heappush(queue, (-degree[neighbour], neighbour))
    if len(kept) < cap:
        stray = sorted((node for node in degree if node not in taken), key=lambda node: (-degree[node], node))
        kept.extend(stray[: cap - len(kept)])
    return kept


def cut_notice(shown: int, total: int, *, walk_limited: bool = False) -> str | None:
    """Return the words saying how much of the network is shown, or None when all of it is."""
    if shown >= total and not walk_limited:
        return None
    of = f"more than {total}" if walk_limited else str(total)
    return f"showing {shown} of {of} nodes, the most connected"
