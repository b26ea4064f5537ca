"""Scale benchmark of account communities: our Leiden and role scores beside igraph's and leidenalg's Leiden.

Run: `.venv/bin/python -m benchmarks.communities --edges 1000000 [--nodes 200000] [--mixing 0.2] [--seed 1]`.

The graph is a sparse planted partition (stochastic-block-model-like): communities of 20-200 accounts; each edge
starts at a uniformly chosen account and ends, with probability 1 - mixing, at an account of the same community,
otherwise at any account; self-loops and repeats are dropped, and the rest cut to exactly `--edges`. Weights are
1 + Poisson(0.5), the same inside and between communities, so only the topology carries the communities.

Fairness: the graph is generated once, in this process, and saved as numpy arrays; each contender then runs in a
fresh subprocess (`--contender`) that imports its libraries, loads the arrays, and reports wall time per phase and
its peak resident memory (`resource.getrusage(RUSAGE_SELF).ru_maxrss`, which counts C allocations too, unlike
tracemalloc), in total and above its resident memory after imports and loading (the baseline, from /proc). Each
contender's build phase includes turning the arrays into its input (rows of names; igraph's edge list). Modularity
(one numpy formula, weighted, resolution 1) and NMI against the planted partition are computed here, the same way
for all.

- ours: `build_account_graph` from (name, name, weight) rows with string account names, as the graph code passes
  them (the graph made canonical: nodes sorted, pairs summed); `detect_communities` (igraph's Leiden, weighted
  modularity, iterated until no improvement, its own `random.Random(seed)`); `role_scores` (PageRank by scipy
  power iteration, betweenness from 128 sampled sources by igraph).
- igraph-leiden: `igraph.Graph` from the integer edge array, `community_leiden(objective_function="modularity")`,
  weighted, iterated until no improvement (`n_iterations=-1`), Python's `random` seeded (igraph draws from it).
- leidenalg: the same graph, `leidenalg.find_partition(ModularityVertexPartition)` (RBConfigurationVertexPartition
  when `--resolution` is not 1), weighted, seed 1, its default two iterations (iterating it to convergence gained
  0.001 modularity for ten times the time at 100,000 edges).
- igraph-louvain: the same graph, `community_multilevel` (Louvain in C), to tell the algorithm's limits from
  networkx's pure-Python speed.

Measured on a 2-core machine shared with other jobs (load about 7): 200,000 nodes, 1,000,000 edges, 1,792 planted
communities, mixing 0.2, seed 1 (the planted partition's own modularity is 0.791). Times are build + communities
(+ role scores), in seconds; memory is peak RSS and, in brackets, its rise above the baseline. "before" is the
networkx Louvain this module's `ours` used to run, on the same graph minutes earlier, at the same load.

    contender        time                  memory              communities  modularity  NMI vs planted
    ours             5.8 + 131.2 + 27.3    385 MB (318)        338          0.7945      0.8744
    before           15.4 + 437.0 + 56.0   1,439 MB (1,359)    237          0.7375      0.7611
    igraph-leiden    1.9 + 124.0           259 MB (203)        338          0.7945      0.8744
    leidenalg        1.1 + 32.5            372 MB (316)        296          0.7931      0.8611
    igraph-louvain   1.3 + 7.8             259 MB (203)        234          0.7389      0.7611

With `--resolution 4`: ours and igraph-leiden 999 communities, NMI 0.961 (ours' communities 64.1 s);
leidenalg 859, 0.948; igraph-louvain 609, 0.846. So: at resolution 1 every method merges the small planted
communities (modularity's resolution limit); ours finds igraph Leiden's partition exactly (seeds 1, 3 and 5, and
at 100,000 edges), at the same cost for the communities (times swing with the load: 55 to 131 s across runs),
plus the named rows made canonical (about 115 MB and 4 s more); Leiden's refinement gains about 0.06 modularity
and 0.11 NMI over Louvain. Role scores take about 27 s: betweenness from 128 sources most of it, PageRank 1 s.
"""

from __future__ import annotations

import argparse
import json
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import numpy as np

MIN_SIZE, MAX_SIZE = 20, 200
CONTENDERS = ("ours", "igraph-leiden", "leidenalg", "igraph-louvain")


def planted_graph(nodes: int, edges: int, mixing: float, seed: int) -> dict[str, np.ndarray]:
    """Return arrays u, v, weight (one row per edge, u < v) and truth (each node's planted community)."""
    rng = np.random.default_rng(seed)
    sizes = []
    while sum(sizes) < nodes:
        sizes.append(int(rng.integers(MIN_SIZE, MAX_SIZE + 1)))
    sizes[-1] -= sum(sizes) - nodes
    if sizes[-1] < MIN_SIZE and len(sizes) > 1:
        sizes[-2] += sizes.pop()
    truth = np.repeat(np.arange(len(sizes), dtype=np.int32), sizes)
    starts = np.concatenate([[0], np.cumsum(sizes)[:-1]])
    size_of = np.asarray(sizes)[truth]
    start_of = starts[truth]
    kept = np.empty((0, 2), dtype=np.int64)
    while len(kept) < edges:
        draw = int((edges - len(kept)) * 1.3) + 1000
        u = rng.integers(0, nodes, size=draw)
        inside = rng.random(draw) >= mixing
        same = start_of[u] + (rng.random(draw) * size_of[u]).astype(np.int64)
        v = np.where(inside, same, rng.integers(0, nodes, draw))
        pairs = np.stack([np.minimum(u, v), np.maximum(u, v)], axis=1)[u != v]
        kept = np.unique(np.concatenate([kept, pairs]), axis=0)
    kept = kept[rng.permutation(len(kept))[:edges]]
    weight = 1.0 + rng.poisson(0.5, size=edges)
    return {"u": kept[:, 0].astype(np.int32), "v": kept[:, 1].astype(np.int32), "weight": weight, "truth": truth}


def modularity(data: dict[str, np.ndarray], membership: np.ndarray) -> float:
    """Return the weighted modularity (resolution 1) of a membership array: sum over communities of L/m - (d/2m)^2."""
    u, v, weight = data["u"], data["v"], data["weight"]
    total = weight.sum()
    strength = np.bincount(u, weight, len(membership)) + np.bincount(v, weight, len(membership))
    inside = weight[membership[u] == membership[v]].sum()
    degree_sums = np.bincount(membership, strength)
    return float(inside / total - (degree_sums**2).sum() / (4 * total**2))


def peak_mb() -> float:
    """Return this process's peak resident memory so far, in MB."""
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def resident_mb() -> float:
    """Return this process's resident memory now, in MB (Linux; elsewhere the peak so far)."""
    try:
        pages = int(Path("/proc/self/statm").read_text().split()[1])
    except OSError:
        return peak_mb()
    return pages * resource.getpagesize() / 2**20


def run_ours(data: dict[str, np.ndarray], seed: int, resolution: float, report: dict) -> np.ndarray:
    """Run build_account_graph, detect_communities and role_scores; record times; return the membership array."""
    from domain.communities import build_account_graph, detect_communities, role_scores

    report["baseline_mb"] = resident_mb()
    started = time.perf_counter()
    names = [f"acct_{node:07d}" for node in range(len(data["truth"]))]
    rows = zip(data["u"].tolist(), data["v"].tolist(), data["weight"].tolist())
    graph = build_account_graph(((names[u], names[v], w) for u, v, w in rows), accounts=names)
    report["build_s"] = time.perf_counter() - started
    report["after_build_mb"] = peak_mb()
    started = time.perf_counter()
    communities = detect_communities(graph, seed=seed, resolution=resolution)
    report["detect_s"] = time.perf_counter() - started
    report["after_detect_mb"] = peak_mb()
    started = time.perf_counter()
    roles = role_scores(graph, communities, seed=seed)
    report["roles_s"] = time.perf_counter() - started
    top = max(roles, key=lambda name: roles[name].pagerank)
    report["top_pagerank"] = f"{top}, degree {roles[top].degree}, community size {roles[top].community_size}"
    return np.fromiter((communities[name] for name in names), dtype=np.int64, count=len(names))


def run_igraph(name: str, data: dict[str, np.ndarray], seed: int, resolution: float, report: dict) -> np.ndarray:
    """Run one igraph contender (Leiden, leidenalg's Leiden or Louvain); record times; return the membership array."""
    import random

    import igraph
    import leidenalg

    random.seed(seed)  # python-igraph draws its random numbers from Python's `random`
    report["baseline_mb"] = resident_mb()
    started = time.perf_counter()
    graph = igraph.Graph(n=len(data["truth"]), edges=np.stack([data["u"], data["v"]], axis=1).tolist())
    graph.es["weight"] = data["weight"].tolist()
    report["build_s"] = time.perf_counter() - started
    report["after_build_mb"] = peak_mb()
    started = time.perf_counter()
    if name == "igraph-leiden":
        membership = graph.community_leiden(
            "modularity", weights="weight", resolution=resolution, n_iterations=-1
        ).membership
    elif name == "leidenalg":
        if resolution == 1.0:
            kind, options = leidenalg.ModularityVertexPartition, {}
        else:  # modularity with a resolution parameter
            kind, options = leidenalg.RBConfigurationVertexPartition, {"resolution_parameter": resolution}
        partition = leidenalg.find_partition(graph, kind, weights="weight", seed=seed, **options)
        membership = partition.membership
    else:
        membership = graph.community_multilevel(weights="weight", resolution=resolution).membership
    report["detect_s"] = time.perf_counter() - started
    report["after_detect_mb"] = peak_mb()
    return np.asarray(membership, dtype=np.int64)


def contend(name: str, data_path: Path, seed: int, resolution: float) -> None:
    """Run one contender on the saved graph (in a fresh process) and print its report as JSON."""
    with np.load(data_path) as saved:
        data = {key: saved[key] for key in saved.files}
    report: dict = {"contender": name}
    if name == "ours":
        membership = run_ours(data, seed, resolution, report)
    else:
        membership = run_igraph(name, data, seed, resolution, report)
    report["peak_mb"] = peak_mb()
    np.save(data_path.with_name(f"{name}.npy"), membership)
    print(json.dumps(report))


def main() -> None:
    """Generate the planted graph, run both contenders in fresh subprocesses, and print their reports side by side."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--edges", type=int, default=1_000_000)
    parser.add_argument("--nodes", type=int, help="default: edges / 5 (mean degree 10)")
    parser.add_argument("--mixing", type=float, default=0.2, help="share of edges drawn between communities")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--resolution", type=float, default=1.0, help="modularity resolution, for every contender")
    parser.add_argument("--contender", choices=CONTENDERS, help=argparse.SUPPRESS)
    parser.add_argument("--data", type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.contender:
        contend(args.contender, args.data, args.seed, args.resolution)
        return

    from domain.communities import normalised_mutual_information

    nodes = args.nodes or args.edges // 5
    started = time.perf_counter()
    data = planted_graph(nodes, args.edges, args.mixing, args.seed)
    planted = len(np.unique(data["truth"]))
    print(f"planted graph: {nodes:,} nodes, {args.edges:,} edges, {planted:,} communities of {MIN_SIZE}-{MAX_SIZE}, "
          f"mixing {args.mixing}, generated in {time.perf_counter() - started:.1f} s; "
          f"planted modularity {modularity(data, data['truth'].astype(np.int64)):.4f}")
    truth = dict(enumerate(data["truth"].tolist()))
    with tempfile.TemporaryDirectory(prefix="communities-bench-") as folder:
        data_path = Path(folder) / "graph.npz"
        np.savez(data_path, **data)
        for name in CONTENDERS:
            command = [sys.executable, "-m", "benchmarks.communities", "--contender", name, "--data", str(data_path),
                       "--seed", str(args.seed), "--resolution", str(args.resolution)]
            started = time.perf_counter()
            output = subprocess.run(command, check=True, capture_output=True, text=True).stdout
            wall = time.perf_counter() - started
            report = json.loads(output.strip().splitlines()[-1])
            membership = np.load(data_path.with_name(f"{name}.npy"))
            found = dict(enumerate(membership.tolist()))
            print(f"\n{name}: process wall {wall:.1f} s (build {report['build_s']:.1f} s, "
                  f"communities {report['detect_s']:.1f} s"
                  + (f", role scores {report['roles_s']:.1f} s)" if "roles_s" in report else ")"))
            print(f"  peak RSS {report['peak_mb']:,.0f} MB; above the {report['baseline_mb']:,.0f} MB baseline after "
                  f"imports and loading: {report['peak_mb'] - report['baseline_mb']:,.0f} MB "
                  f"(graph built: {report['after_build_mb'] - report['baseline_mb']:,.0f} MB, "
                  f"after communities: {report['after_detect_mb'] - report['baseline_mb']:,.0f} MB)")
            print(f"  {len(np.unique(membership)):,} communities, modularity {modularity(data, membership):.4f}, "
                  f"NMI vs planted {normalised_mutual_information(found, truth):.4f}")
            if "top_pagerank" in report:
                print(f"  highest PageRank: {report['top_pagerank']}")


if __name__ == "__main__":
    main()
