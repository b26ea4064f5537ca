"""Account communities: the graph's weights, planted communities recovered, stable ids, and sane role scores."""

from __future__ import annotations

import json
import os
import random
import subprocess
import sys
from pathlib import Path

import networkx as nx
import pytest

from domain.communities import (
    AccountGraph,
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
    assert graph.weight_between("a", "b") == graph.weight_between("b", "a") == 4.5
    assert graph.weight_between("b", "c") == 1.0 and graph.weight_between("a", "c") == 0.0
    assert graph.nodes == ("a", "b", "c", "lonely") and graph.number_of_edges() == 2
    assert list(graph.edges()) == [("a", "b", 4.5), ("b", "c", 1.0)]


def test_the_graph_is_canonical_whatever_the_row_order() -> None:
    rows = [("b", "a", 0.1), ("c", "a", 1.0), ("a", "b", 0.2), ("b", "a", 0.3), ("d", "c", 2.0)]
    graphs = [build_account_graph(co_targeting=order, accounts=["z"]) for order in (rows, rows[::-1], sorted(rows))]
    for graph in graphs:
        assert graph.nodes == ("a", "b", "c", "d", "z")
        assert graph.first.tolist() == [0, 0, 2] and graph.second.tolist() == [1, 2, 3]
    # the three weights of (a, b) are added in one order, so even the last bit agrees
    assert len({graph.weight.tobytes() for graph in graphs}) == 1


def test_node_ids_that_cannot_be_ordered_are_refused() -> None:
    with pytest.raises(ValueError, match="mutually orderable"):
        build_account_graph(co_targeting=[("a", 1, 1.0)])


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
    edges = list(graph.edges())
    random.Random(2).shuffle(edges)
    nodes = list(graph.nodes)
    random.Random(3).shuffle(nodes)
    reordered = build_account_graph(co_targeting=edges, accounts=nodes)
    assert detect_communities(reordered, seed=1) == found
    assert detect_communities(graph, seed=1) == found


def test_communities_do_not_depend_on_the_hash_seed() -> None:
    script = (
        "import json; from tests.unit.test_communities import planted;"
        "from domain.communities import detect_communities;"
        "print(json.dumps(detect_communities(planted(groups=6, size=30, p_in=0.2, p_out=0.02)[0], seed=2)))"
    )
    root = Path(__file__).resolve().parents[2]
    found = [
        json.loads(subprocess.run([sys.executable, "-c", script], cwd=root, check=True, capture_output=True, text=True,
                                  env={**os.environ, "PYTHONHASHSEED": hash_seed}).stdout)
        for hash_seed in ("1", "2")
    ]
    assert found[0] == found[1] == detect_communities(planted(groups=6, size=30, p_in=0.2, p_out=0.02)[0], seed=2)


def test_the_seed_is_the_only_randomness_and_leaves_the_global_generator_alone() -> None:
    graph, _ = planted(groups=8, size=30, p_in=0.15, p_out=0.03, seed=5)
    random.seed(99)
    expected_next = random.random()
    random.seed(99)
    first = detect_communities(graph, seed=3)
    assert random.random() == expected_next, "detect_communities drew from the global random module"
    assert detect_communities(graph, seed=3) == first


def test_the_resolution_trades_size_for_number() -> None:
    graph, _ = planted(groups=6, size=30, p_in=0.3, p_out=0.02)
    coarse = detect_communities(graph, resolution=0.05)
    fine = detect_communities(graph, resolution=5.0)
    assert len(set(coarse.values())) < 6 < len(set(fine.values()))
    with pytest.raises(ValueError, match="resolution must be positive"):
        detect_communities(graph, resolution=0)


def test_isolated_accounts_are_their_own_communities() -> None:
    graph = build_account_graph(co_targeting=[("a", "b", 1.0)], accounts=["z", "y"])
    assert detect_communities(graph) == {"a": 0, "b": 0, "y": 1, "z": 2}
    assert detect_communities(build_account_graph(accounts=["b", "a"])) == {"a": 0, "b": 1}
    assert detect_communities(build_account_graph()) == {}
    assert role_scores(build_account_graph(), {}) == {}
    lonely = role_scores(build_account_graph(accounts=["c", "b", "a"]), {"a": 0, "b": 1, "c": 2})
    assert lonely["a"] == RoleScores(degree=0, weighted_degree=0.0, pagerank=pytest.approx(1 / 3), betweenness=0.0,
                                     community=0, community_size=1)
    assert isinstance(lonely["a"].weighted_degree, float)


def test_role_scores_put_the_hub_first() -> None:
    hub_pairs = [("hub", f"spoke_{n}", 1.0) for n in range(10)]
    ring = [(f"spoke_{n}", f"spoke_{(n + 1) % 10}", 1.0) for n in range(10)]
    graph = build_account_graph(co_targeting=hub_pairs, co_posting=ring)
    assert isinstance(graph, AccountGraph)
    scores = role_scores(graph, detect_communities(graph))
    hub = scores["hub"]
    assert isinstance(hub, RoleScores) and hub.degree == 10 and hub.weighted_degree == 10.0
    assert all(hub.pagerank > other.pagerank for name, other in scores.items() if name != "hub")
    assert all(hub.betweenness > other.betweenness for name, other in scores.items() if name != "hub")
    assert sum(score.pagerank for score in scores.values()) == pytest.approx(1.0)
    assert all(score.community_size == sum(1 for s in scores.values() if s.community == score.community)
               for score in scores.values())


def test_pagerank_and_degrees_equal_networkx_on_a_weighted_graph_with_isolated_nodes() -> None:
    random_graph = nx.gnm_random_graph(200, 500, seed=8)
    rng = random.Random(8)
    pairs = [(f"n{u:03d}", f"n{v:03d}", rng.choice([0.5, 1.0, 3.0])) for u, v in random_graph.edges()]
    graph = build_account_graph(co_posting=pairs, accounts=["n998", "n999"])
    reference = nx.Graph()
    reference.add_nodes_from(graph.nodes)
    reference.add_weighted_edges_from(pairs)
    scores = role_scores(graph, {node: 0 for node in graph.nodes})
    expected = nx.pagerank(reference, weight="weight", tol=1e-12)
    assert {node: s.pagerank for node, s in scores.items()} == pytest.approx(expected, abs=1e-9)
    assert {node: s.degree for node, s in scores.items()} == dict(reference.degree())
    weighted = dict(reference.degree(weight="weight"))
    assert {node: s.weighted_degree for node, s in scores.items()} == pytest.approx(weighted)
    assert scores["n999"].degree == 0 and scores["n999"].betweenness == 0.0


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
    random_graph.add_node(2000)  # and an isolated account
    names = {node: f"n{node:04d}" for node in random_graph}
    pairs = [(names[u], names[v], 2.0) for u, v in random_graph.edges()]  # weights are strengths: hops count
    graph = build_account_graph(co_targeting=pairs, accounts=names.values())
    reference = nx.Graph()
    reference.add_nodes_from(graph.nodes)  # networkx samples sources in node order; ours in sorted order
    reference.add_edges_from((u, v) for u, v, _ in pairs)
    ours = hop_betweenness(graph, samples=samples, seed=3)
    expected = nx.betweenness_centrality(reference, k=samples, seed=3)
    assert ours == pytest.approx(expected, abs=1e-12)


def test_hop_betweenness_does_not_depend_on_row_order() -> None:
    graph, _ = planted(groups=5, size=60, p_in=0.2, p_out=0.01)
    edges = list(graph.edges())
    random.Random(4).shuffle(edges)
    reordered = build_account_graph(co_targeting=edges, accounts=reversed(graph.nodes))
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
