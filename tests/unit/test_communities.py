"""Account communities: the graph's weights, planted communities recovered, stable ids, and sane role scores."""

from __future__ import annotations

import random

import networkx as nx
import pytest

from domain.communities import (
    RoleScores,
    build_account_graph,
    detect_communities,
    hop_betweenness,
    normalised_mutual_information,
    role_scores,
)


def planted(groups: int = 2, size: int = 40, p_in: float = 0.4, p_out: float = 0.01, seed: int = 7):
    """Return a planted-partition account graph (names acct_000...) and the planted community of each account."""
    graph = nx.planted_partition_graph(groups, size, p_in, p_out, seed=seed)
    names = {node: f"acct_{node:03d}" for node in graph}
    pairs = [(names[u], names[v], 1.0) for u, v in graph.edges()]
    truth = {names[node]: node // size for node in graph}
    return build_account_graph(co_targeting=pairs, accounts=names.values()), truth


def test_weights_are_summed_per_unordered_pair_across_relations() -> None:
    graph = build_account_graph(
        co_targeting=[("a", "b", 2.0), ("b", "c", 1.0)],
        co_posting=[("b", "a", 0.5)],
        shared_campaigns=[("a", "b", 1.0), ("a", "b", 1.0)],
        accounts=["lonely"],
    )
    assert graph["a"]["b"]["weight"] == 4.5 and graph["b"]["c"]["weight"] == 1.0
    assert set(graph) == {"a", "b", "c", "lonely"} and graph.number_of_edges() == 2


@pytest.mark.parametrize(
    ("pairs", "message"),
    [
        ([("a", "a", 1.0)], r"co_posting pair \(a, a\): an account cannot be paired with itself"),
        ([("a", "b", 0.0)], r"co_posting pair \(a, b\): weight 0.0 must be positive and finite"),
        ([("a", "b", float("nan"))], "weight nan must be positive"),
    ],
)
def test_bad_pairs_are_refused_naming_the_relation_and_pair(pairs, message: str) -> None:
    with pytest.raises(ValueError, match=message):
        build_account_graph(co_posting=pairs)


def test_two_planted_dense_communities_are_recovered() -> None:
    graph, truth = planted()
    found = detect_communities(graph, seed=1)
    assert set(found.values()) == {0, 1}
    assert normalised_mutual_information(found, truth) > 0.95


def test_many_planted_communities_are_recovered() -> None:
    graph, truth = planted(groups=10, size=30, p_in=0.3, p_out=0.005, seed=11)
    assert normalised_mutual_information(detect_communities(graph), truth) > 0.95


def test_community_ids_follow_the_smallest_member_and_ignore_row_order() -> None:
    graph, _ = planted(groups=4, size=25)
    found = detect_communities(graph, seed=1)
    smallest = {}
    for node in sorted(found):
        smallest.setdefault(found[node], node)
    assert list(smallest) == sorted(smallest) == list(range(4))
    edges = list(graph.edges(data="weight"))
    random.Random(2).shuffle(edges)
    nodes = list(graph)
    random.Random(3).shuffle(nodes)
    reordered = build_account_graph(co_targeting=edges, accounts=nodes)
    assert detect_communities(reordered, seed=1) == found
    assert detect_communities(graph, seed=1) == found


def test_isolated_accounts_are_their_own_communities() -> None:
    graph = build_account_graph(co_targeting=[("a", "b", 1.0)], accounts=["z", "y"])
    assert detect_communities(graph) == {"a": 0, "b": 0, "y": 1, "z": 2}


def test_role_scores_put_the_hub_first() -> None:
    hub_pairs = [("hub", f"spoke_{n}", 1.0) for n in range(10)]
    ring = [(f"spoke_{n}", f"spoke_{(n + 1) % 10}", 1.0) for n in range(10)]
    graph = build_account_graph(co_targeting=hub_pairs, co_posting=ring)
    scores = role_scores(graph, detect_communities(graph))
    hub = scores["hub"]
    assert isinstance(hub, RoleScores) and hub.degree == 10 and hub.weighted_degree == 10.0
    assert all(hub.pagerank > other.pagerank for name, other in scores.items() if name != "hub")
    assert all(hub.betweenness > other.betweenness for name, other in scores.items() if name != "hub")
    assert sum(score.pagerank for score in scores.values()) == pytest.approx(1.0)
    assert all(score.community_size == sum(1 for s in scores.values() if s.community == score.community)
               for score in scores.values())


def test_a_bridge_between_two_communities_has_the_highest_betweenness() -> None:
    left = [(f"l{a}", f"l{b}", 1.0) for a in range(6) for b in range(a + 1, 6)]
    right = [(f"r{a}", f"r{b}", 1.0) for a in range(6) for b in range(a + 1, 6)]
    graph = build_account_graph(co_targeting=left + right, co_posting=[("l0", "broker", 1.0), ("broker", "r0", 1.0)])
    communities = detect_communities(graph)
    scores = role_scores(graph, communities)
    assert max(scores, key=lambda node: scores[node].betweenness) == "broker"
    assert communities["l1"] != communities["r1"]


def test_betweenness_is_sampled_with_a_seed_on_large_graphs() -> None:
    graph, _ = planted(groups=30, size=100, p_in=0.05, p_out=0.0005, seed=3)
    communities = detect_communities(graph)
    first = role_scores(graph, communities, betweenness_samples=16, seed=4)
    again = role_scores(graph, communities, betweenness_samples=16, seed=4)
    assert first == again and len(first) == 3000


@pytest.mark.parametrize("samples", [None, 40])
def test_hop_betweenness_equals_networkx_exact_and_sampled(samples: int | None) -> None:
    random_graph = nx.gnm_random_graph(300, 700, seed=5)
    random_graph.add_edge(1000, 1001)  # a second component
    graph = nx.Graph()
    graph.add_nodes_from(sorted(random_graph))  # networkx samples sources in node order; ours in sorted order
    graph.add_edges_from(random_graph.edges())
    ours = hop_betweenness(graph, samples=samples, seed=3)
    expected = nx.betweenness_centrality(graph, k=samples, seed=3)
    assert ours == pytest.approx(expected, abs=1e-12)


def test_hop_betweenness_does_not_depend_on_row_order() -> None:
    graph, _ = planted(groups=5, size=60, p_in=0.2, p_out=0.01)
    edges = list(graph.edges(data="weight"))
    random.Random(4).shuffle(edges)
    reordered = build_account_graph(co_targeting=edges, accounts=reversed(list(graph)))
    assert hop_betweenness(reordered, samples=20) == hop_betweenness(graph, samples=20)


def test_role_scores_refuse_nodes_without_a_community() -> None:
    graph = build_account_graph(co_targeting=[("a", "b", 1.0)])
    with pytest.raises(ValueError, match="1 node"):
        role_scores(graph, {"a": 0})


def test_normalised_mutual_information_bounds() -> None:
    truth = {n: n // 5 for n in range(20)}
    assert normalised_mutual_information(truth, {n: 9 - c for n, c in truth.items()}) == pytest.approx(1.0)
    assert normalised_mutual_information(truth, {n: 0 for n in truth}) == 0.0
    assert normalised_mutual_information(truth, {n: n % 4 for n in truth}) < 0.1
