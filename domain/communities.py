"""Who acts together: a weighted account graph, its Leiden communities, and each account's role within them.

Pure: plain pairs go in (the graph code reads them from Neo4j), plain mappings come out (it writes them back).

- `build_account_graph`: one undirected, weighted `AccountGraph` from four relations, each an iterable of
  (account, account, weight). An edge's `weight` is the sum, over the relations, of every weight given for that
  unordered pair, so a pair that targets the same victims, posts the same texts and shares campaigns is bound more
  tightly than one that only does one. Scale a relation's weights before passing it to weigh it differently. The
  graph is canonical: nodes in sorted order, each pair once, edges sorted, a pair's weights added in ascending
  order; so nothing downstream depends on the order the rows arrived in or on the hash seed.
- `detect_communities`: Leiden (python-igraph's `community_leiden`, weighted modularity, optionally with a
  resolution), seeded with its own `random.Random(seed)` and iterated until an iteration no longer improves the
  partition (the libraries' default of two iterations leaves 0.0014 modularity and 0.014 NMI behind on the
  benchmark's graph; a tolerance on the gain stopped early at plateaus); communities are numbered 0, 1, ... in the
  order of their smallest member, so ids are stable too.
- `role_scores`: degree, weighted degree, PageRank and betweenness, with each account's community and its size.
  PageRank is weighted (damping 0.85), by power iteration on a scipy sparse matrix until the vector changes by
  less than PAGERANK_TOLERANCE (L1): repeatable to the last bit, which igraph's multi-threaded PRPACK is not.
  Betweenness counts hops (weights are strengths, not distances): exact up to EXACT_BETWEENNESS_LIMIT nodes,
  beyond that estimated from `betweenness_samples` source nodes. The tests check both against networkx.
- `hop_betweenness`: igraph's Brandes betweenness from all nodes, or from a seeded sample of sources (igraph's
  subset betweenness), scaled to what `networkx.betweenness_centrality(graph, k=samples, seed=seed)` returns for
  a graph whose nodes are in sorted order. Sources are drawn by `random.Random(seed).sample` from the sorted
  nodes, so the estimate ignores the row order.

Measured with `benchmarks.communities` on a 2-core machine shared with other jobs (load about 7), a planted
1,000,000-edge graph of 200,000 accounts: build 5.8 s, communities 131 s (igraph's own Leiden 124 s in the same
run, the same partition), role scores 27 s (betweenness from 128 sources most of it), peak memory 385 MB;
modularity 0.7945, NMI 0.874 against the planted communities. The networkx Louvain this replaced took
15 + 437 + 56 s and 1,439 MB on the same graph at the same load, for modularity 0.738, NMI 0.761.
"""

from __future__ import annotations

import bisect
import math
import random
import threading
from array import array
from collections import Counter
from collections.abc import Hashable, Iterable, Iterator, Mapping
from dataclasses import dataclass
from functools import cached_property

import igraph
import numpy as np
import scipy.sparse

Pair = tuple[str, str, float]
EXACT_BETWEENNESS_LIMIT = 2_000
BETWEENNESS_SAMPLES = 128
PAGERANK_DAMPING = 0.85
PAGERANK_TOLERANCE = 1e-10  # L1 change of the whole vector (which sums to 1) between two iterations
_RANDOM_LOCK = threading.Lock()  # igraph draws from one process-wide generator, swapped in per call


@dataclass(frozen=True, slots=True)
class RoleScores:
    """An account's place in the graph: how connected, how central, how much of a bridge, and in which community."""

    degree: int
    weighted_degree: float
    pagerank: float
    betweenness: float
    community: int
    community_size: int


@dataclass(frozen=True, eq=False)
class AccountGraph:
    """The undirected, weighted account graph in canonical form; build it with `build_account_graph`.

    `nodes` are sorted, a node's index is its position; edge i joins nodes `first[i] < second[i]` with
    `weight[i]`, edges sorted by (first, second), each unordered pair once.
    """

    nodes: tuple[str, ...]
    first: np.ndarray
    second: np.ndarray
    weight: np.ndarray

    def number_of_nodes(self) -> int:
        """Return how many accounts (and persons) the graph holds, isolated ones included."""
        return len(self.nodes)

    def number_of_edges(self) -> int:
        """Return how many distinct pairs are joined."""
        return len(self.weight)

    def edges(self) -> Iterator[Pair]:
        """Yield every edge as (node, node, weight), in canonical order."""
        for first, second, weight in zip(self.first.tolist(), self.second.tolist(), self.weight.tolist()):
            yield self.nodes[first], self.nodes[second], weight

    def weight_between(self, first: str, second: str) -> float:
        """Return the summed weight joining two nodes, 0.0 when they are not joined (to inspect one pair)."""
        low, high = sorted((self._index(first), self._index(second)))
        keys = self.first * len(self.nodes) + self.second
        position = int(np.searchsorted(keys, low * len(self.nodes) + high))
        found = position < len(keys) and keys[position] == low * len(self.nodes) + high
        return float(self.weight[position]) if found else 0.0

    @cached_property
    def igraph(self) -> igraph.Graph:
        """Return the same graph as an `igraph.Graph` (vertex i is `nodes[i]`, edge attribute `weight`), built once."""
        graph = igraph.Graph(n=len(self.nodes), edges=np.column_stack((self.first, self.second)))
        graph.es["weight"] = self.weight.tolist()
        return graph

    def _index(self, node: str) -> int:
        position = bisect.bisect_left(self.nodes, node)
        if position == len(self.nodes) or self.nodes[position] != node:
            raise KeyError(f"account graph: no node {node!r}")
        return position


def build_account_graph(
    co_targeting: Iterable[Pair] = (),
    co_posting: Iterable[Pair] = (),
    shared_campaigns: Iterable[Pair] = (),
    controls: Iterable[Pair] = (),
    *,
    accounts: Iterable[str] = (),
) -> AccountGraph:
    """Return the undirected account/person graph, each pair's weight summed over the relations.

    `controls` holds (person, account, confidence) attributions, so a person's accounts meet through them.
    """
    index: dict[str, int] = {}
    for account in accounts:
        index.setdefault(account, len(index))
    ends, weights = array("q"), array("d")
    for relation, pairs in (
        ("co_targeting", co_targeting),
        ("co_posting", co_posting),
        ("shared_campaigns", shared_campaigns),
        ("controls", controls),
    ):
        for first, second, weight in pairs:
            if first == second:
                raise ValueError(f"{relation} pair ({first}, {second}): an account cannot be paired with itself")
            if not (weight > 0 and math.isfinite(weight)):
                raise ValueError(f"{relation} pair ({first}, {second}): weight {weight!r} must be positive and finite")
            ends.append(index.setdefault(first, len(index)))
            ends.append(index.setdefault(second, len(index)))
            weights.append(weight)
    return _canonical(list(index), np.frombuffer(ends, dtype=np.int64).reshape(-1, 2), np.frombuffer(weights))


def detect_communities(graph: AccountGraph, *, seed: int = 1, resolution: float = 1.0) -> dict[str, int]:
    """Return each node's community (Leiden, seeded), numbered in the order of the communities' smallest members."""
    if resolution <= 0:
        raise ValueError(f"detect_communities: resolution must be positive, got {resolution}")
    if graph.number_of_edges() == 0:
        return {node: number for number, node in enumerate(graph.nodes)}
    with _RANDOM_LOCK:
        igraph.set_random_number_generator(random.Random(seed))
        try:  # n_iterations=-1: iterate until an iteration no longer improves modularity
            membership = graph.igraph.community_leiden(
                "modularity", weights="weight", resolution=resolution, n_iterations=-1
            ).membership
        finally:
            igraph.set_random_number_generator(random)  # igraph's default
    labels = np.asarray(membership)
    _, first_members = np.unique(labels, return_index=True)
    renumber = np.empty(labels.max() + 1, dtype=np.int64)
    renumber[labels[np.sort(first_members)]] = np.arange(len(first_members))
    return dict(zip(graph.nodes, renumber[labels].tolist()))


def role_scores(
    graph: AccountGraph,
    communities: Mapping[str, int],
    *,
    betweenness_samples: int = BETWEENNESS_SAMPLES,
    seed: int = 1,
) -> dict[str, RoleScores]:
    """Return every node's role scores: to rank hubs (degree, PageRank) and brokers (betweenness) per community."""
    missing = [node for node in graph.nodes if node not in communities]
    if missing:
        raise ValueError(f"role_scores: {len(missing)} node(s) have no community, e.g. {missing[:3]}")
    if betweenness_samples < 1:
        raise ValueError(f"role_scores: betweenness_samples must be at least 1, got {betweenness_samples}")
    count = graph.number_of_nodes()
    sizes = Counter(communities[node] for node in graph.nodes)
    pagerank = _pagerank(graph).tolist()
    exact = count <= max(EXACT_BETWEENNESS_LIMIT, betweenness_samples)
    betweenness = hop_betweenness(graph, samples=None if exact else betweenness_samples, seed=seed)
    degree = np.bincount(graph.first, minlength=count) + np.bincount(graph.second, minlength=count)
    weighted = np.bincount(graph.first, graph.weight, count) + np.bincount(graph.second, graph.weight, count)
    weighted = weighted.astype(np.float64)  # bincount of no edges counts in integers
    return {
        node: RoleScores(
            degree=node_degree,
            weighted_degree=node_weighted,
            pagerank=node_pagerank,
            betweenness=betweenness[node],
            community=communities[node],
            community_size=sizes[communities[node]],
        )
        for node, node_degree, node_weighted, node_pagerank in zip(
            graph.nodes, degree.tolist(), weighted.tolist(), pagerank
        )
    }


def hop_betweenness(graph: AccountGraph, *, samples: int | None = None, seed: int = 1) -> dict[str, float]:
    """Return each node's normalised betweenness by hops, exact or estimated from `samples` seeded sources."""
    count = graph.number_of_nodes()
    if count <= 2:
        return {node: 0.0 for node in graph.nodes}
    sources = None if samples is None else random.Random(seed).sample(range(count), min(samples, count))
    # igraph counts each unordered pair once; networkx, like Brandes, sums both directions (each source's share)
    totals = 2 * np.asarray(graph.igraph.betweenness(directed=False, sources=sources))
    if sources is None or len(sources) == count:
        totals /= (count - 1) * (count - 2)
    else:
        scale = np.full(count, 1 / (len(sources) * (count - 2)))
        scale[sources] = 1 / ((len(sources) - 1) * (count - 2)) if len(sources) > 1 else math.nan
        totals *= scale
    return dict(zip(graph.nodes, totals.tolist()))


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


def _pagerank(graph: AccountGraph) -> np.ndarray:
    """Return weighted PageRank by power iteration; an isolated node's share is spread evenly, as networkx does."""
    count = graph.number_of_nodes()
    if count == 0:
        return np.empty(0)
    rows, columns = np.concatenate([graph.first, graph.second]), np.concatenate([graph.second, graph.first])
    weights = np.concatenate([graph.weight, graph.weight])
    adjacency = scipy.sparse.csr_matrix((weights, (rows, columns)), shape=(count, count))
    strength = np.bincount(rows, weights, count)
    isolated = strength == 0
    share = np.divide(1.0, strength, out=np.zeros(count), where=~isolated)
    ranks = np.full(count, 1 / count)
    for _ in range(1_000):  # the error shrinks by the damping factor each time: about 150 iterations
        previous = ranks
        spread = PAGERANK_DAMPING * previous[isolated].sum() + 1 - PAGERANK_DAMPING
        ranks = PAGERANK_DAMPING * (adjacency @ (previous * share)) + spread / count
        if np.abs(ranks - previous).sum() < PAGERANK_TOLERANCE:
            break
    return ranks


def _canonical(names: list[str], ends: np.ndarray, weights: np.ndarray) -> AccountGraph:
    """Return the graph with nodes sorted, each pair once (first < second), edges sorted, weights summed."""
    count = len(names)
    try:
        order = sorted(range(count), key=names.__getitem__)
    except TypeError as error:
        raise ValueError(f"account graph: node ids must be mutually orderable (all strings): {error}") from None
    rank = np.empty(count, dtype=np.int64)
    rank[order] = np.arange(count)
    ends = rank[ends]
    keys = ends.min(axis=1) * count + ends.max(axis=1)
    arranged = np.lexsort((weights, keys))  # a pair's weights adjacent, ascending: their sum ignores row order
    keys, weights = keys[arranged], weights[arranged]
    starts = np.flatnonzero(np.concatenate([[True], keys[1:] != keys[:-1]])) if len(keys) else np.empty(0, np.int64)
    summed = np.add.reduceat(weights, starts) if len(keys) else np.empty(0)
    keys = keys[starts]
    return AccountGraph(tuple(names[node] for node in order), keys // max(count, 1), keys % max(count, 1), summed)
