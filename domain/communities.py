"""Who acts together: a weighted account graph, its Louvain communities, and each account's role within them.

Pure: plain pairs go in (the graph code reads them from Neo4j), plain mappings come out (it writes them back).

- `build_account_graph`: one undirected, weighted graph from three relations, each an iterable of
  (account, account, weight). An edge's `weight` is the sum, over the three relations, of every weight given for
  that unordered pair, so a pair that targets the same victims, posts the same texts and shares campaigns is bound
  more tightly than one that only does one. Scale a relation's weights before passing it to weigh it differently.
- `detect_communities`: Louvain (`networkx.community.louvain_communities`), seeded, run on a canonical copy of the
  graph (nodes and edges in sorted order) so the result depends on neither the order the rows arrived in nor the
  hash seed; communities are numbered 0, 1, ... in the order of their smallest member, so ids are stable too.
- `role_scores`: degree, weighted degree, PageRank (weighted) and betweenness (hops: weights are strengths, not
  distances; exact up to EXACT_BETWEENNESS_LIMIT nodes, beyond that estimated from `betweenness_samples` seeded
  source nodes) with each account's community and its size.

Measured with `benchmarks.communities` on a 2-core machine: see that module for a 1,000,000-edge graph.
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Hashable, Iterable, Mapping
from dataclasses import dataclass

import networkx as nx

Pair = tuple[str, str, float]
EXACT_BETWEENNESS_LIMIT = 2_000
BETWEENNESS_SAMPLES = 32


@dataclass(frozen=True, slots=True)
class RoleScores:
    """An account's place in the graph: how connected, how central, how much of a bridge, and in which community."""

    degree: int
    weighted_degree: float
    pagerank: float
    betweenness: float
    community: int
    community_size: int


def build_account_graph(
    co_targeting: Iterable[Pair] = (),
    co_posting: Iterable[Pair] = (),
    shared_campaigns: Iterable[Pair] = (),
    *,
    accounts: Iterable[str] = (),
) -> nx.Graph:
    """Return the undirected account graph, each pair's weight summed over the three relations."""
    graph = nx.Graph()
    graph.add_nodes_from(accounts)
    for relation, pairs in (
        ("co_targeting", co_targeting),
        ("co_posting", co_posting),
        ("shared_campaigns", shared_campaigns),
    ):
        for first, second, weight in pairs:
            if first == second:
                raise ValueError(f"{relation} pair ({first}, {second}): an account cannot be paired with itself")
            if not (weight > 0 and math.isfinite(weight)):
                raise ValueError(f"{relation} pair ({first}, {second}): weight {weight!r} must be positive and finite")
            edge = graph.get_edge_data(first, second)
            if edge is None:
                graph.add_edge(first, second, weight=weight)
            else:
                edge["weight"] += weight
    return graph


def detect_communities(graph: nx.Graph, *, seed: int = 1, resolution: float = 1.0) -> dict[Hashable, int]:
    """Return each node's community (Louvain, seeded), numbered in the order of the communities' smallest members."""
    if resolution <= 0:
        raise ValueError(f"detect_communities: resolution must be positive, got {resolution}")
    nodes = _sorted_nodes(graph)
    index = {node: number for number, node in enumerate(nodes)}
    canonical = nx.Graph()
    canonical.add_nodes_from(range(len(nodes)))
    edges = [(index[u], index[v], weight) for u, v, weight in graph.edges(data="weight", default=1.0)]
    canonical.add_weighted_edges_from(sorted((min(u, v), max(u, v), weight) for u, v, weight in edges))
    del edges, index
    communities = nx.community.louvain_communities(canonical, weight="weight", resolution=resolution, seed=seed)
    membership = {}
    for number, members in enumerate(sorted(communities, key=min)):
        for member in members:
            membership[nodes[member]] = number
    return membership


def role_scores(
    graph: nx.Graph,
    communities: Mapping[Hashable, int],
    *,
    betweenness_samples: int = BETWEENNESS_SAMPLES,
    seed: int = 1,
) -> dict[Hashable, RoleScores]:
    """Return every node's role scores: to rank hubs (degree, PageRank) and brokers (betweenness) per community."""
    missing = [node for node in graph if node not in communities]
    if missing:
        raise ValueError(f"role_scores: {len(missing)} node(s) have no community, e.g. {missing[:3]}")
    if betweenness_samples < 1:
        raise ValueError(f"role_scores: betweenness_samples must be at least 1, got {betweenness_samples}")
    sizes = Counter(communities[node] for node in graph)
    pagerank = nx.pagerank(graph, weight="weight") if len(graph) else {}
    exact = len(graph) <= max(EXACT_BETWEENNESS_LIMIT, betweenness_samples)
    betweenness = nx.betweenness_centrality(graph, k=None if exact else betweenness_samples, seed=seed)
    weighted = dict(graph.degree(weight="weight"))
    return {
        node: RoleScores(
            degree=degree,
            weighted_degree=float(weighted[node]),
            pagerank=pagerank[node],
            betweenness=betweenness[node],
            community=communities[node],
            community_size=sizes[communities[node]],
        )
        for node, degree in graph.degree()
    }


def normalised_mutual_information(first: Mapping[Hashable, int], second: Mapping[Hashable, int]) -> float:
    """Return the NMI (0..1, arithmetic-mean normalisation) of two partitions of the same nodes: 1 when they agree."""
    if first.keys() != second.keys():
        raise ValueError(
            f"normalised_mutual_information: the partitions cover different nodes ({len(first)} vs {len(second)})"
        )
    total = len(first)
    if total == 0:
        return 1.0
    joint = Counter((first[node], second[node]) for node in first)
    sizes_first, sizes_second = Counter(first.values()), Counter(second.values())
    mutual = sum(
        count / total * math.log(count * total / (sizes_first[a] * sizes_second[b])) for (a, b), count in joint.items()
    )
    entropy_first = -sum(size / total * math.log(size / total) for size in sizes_first.values())
    entropy_second = -sum(size / total * math.log(size / total) for size in sizes_second.values())
    if entropy_first + entropy_second == 0:
        return 1.0
    return max(0.0, min(1.0, 2 * mutual / (entropy_first + entropy_second)))


def _sorted_nodes(graph: nx.Graph) -> list[Hashable]:
    try:
        return sorted(graph)
    except TypeError as error:
        raise ValueError(f"detect_communities: node ids must be mutually orderable (all strings): {error}") from None
