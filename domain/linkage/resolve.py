"""Links and clusters: the scored pairs a trained model accepts, and the groups of records they join.

A `Link` is evidence between two records (two reports by one complainant, or an account and the person who
controls it), never a merge: the caller writes it as a relationship with its probability, weight and evidence.
`clusters` then groups records by following links (connected components), refusing any link that would put a
`cannot_link` pair (two people known to differ, a victim and a suspect) in one group; links are taken strongest
first, so a weak link never blocks a strong one.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

import numpy as np

from domain.linkage.blocking import DEFAULT_MAX_BLOCK_SIZE, BlockingReport, BlockingRule, PairFilter, candidate_pairs
from domain.linkage.model import Evidence, FellegiSunter


@dataclass(frozen=True)
class Link:
    """Two records judged to be one person: match probability, match weight and each comparison's evidence."""

    i: int
    j: int
    probability: float
    weight: float
    evidence: tuple[Evidence, ...]


def link(
    records: Sequence[Mapping[str, Any]],
    model: FellegiSunter,
    *,
    rules: Sequence[BlockingRule] | None = None,
    pairs: np.ndarray | Sequence[tuple[int, int]] | None = None,
    threshold_probability: float = 0.5,
    max_block_size: int = DEFAULT_MAX_BLOCK_SIZE,
    pair_filter: PairFilter | None = None,
    report: BlockingReport | None = None,
) -> list[Link]:
    """Return the candidate pairs (from `rules`, or the given `pairs`) whose match probability reaches the threshold.

    Links come in (i, j) order, each with one Evidence per comparison; the weight includes the prior's.
    """
    if (rules is None) == (pairs is None):
        raise ValueError("link needs exactly one of rules= (to block) or pairs= (already blocked)")
    if not 0.0 <= threshold_probability <= 1.0:
        raise ValueError(f"threshold_probability must lie in [0, 1], not {threshold_probability}")
    if pairs is None:
        pairs = candidate_pairs(records, rules, max_block_size=max_block_size, pair_filter=pair_filter, report=report)
    pairs = np.asarray(pairs, dtype=np.int64).reshape(-1, 2)
    if len(pairs) == 0:
        return []
    gamma = model.comparison_vectors(records, pairs)
    weights, probabilities = model.score(gamma)
    accepted = np.flatnonzero(probabilities >= threshold_probability)
    accepted = accepted[np.lexsort((pairs[accepted, 1], pairs[accepted, 0]))]
    evidence = model.evidence_rows(gamma[accepted])
    return [
        Link(int(pairs[row, 0]), int(pairs[row, 1]), float(probabilities[row]), float(weights[row]), items)
        for row, items in zip(accepted, evidence)
    ]


def clusters(
    n: int,
    links: Iterable[Link],
    *,
    threshold_probability: float = 0.0,
    cannot_link: Iterable[tuple[int, int]] = (),
) -> list[list[int]]:
    """Return the groups of records 0..n-1 joined by links at or above the threshold, respecting cannot-link pairs.

    Every record is in exactly one group (singletons included); groups are sorted and ordered by first member.
    """
    parent = list(range(n))
    members: dict[int, set[int]] = {index: {index} for index in range(n)}
    forbidden: dict[int, set[int]] = {}
    for a, b in cannot_link:
        _check_index(n, a, "cannot_link")
        _check_index(n, b, "cannot_link")
        forbidden.setdefault(a, set()).add(b)
        forbidden.setdefault(b, set()).add(a)

    def find(index: int) -> int:
        while parent[index] != index:
            parent[index] = parent[parent[index]]
            index = parent[index]
        return index

    usable = [item for item in links if item.probability >= threshold_probability]
    for item in sorted(usable, key=lambda item: (-item.probability, item.i, item.j)):
        _check_index(n, item.i, "link")
        _check_index(n, item.j, "link")
        root_a, root_b = find(item.i), find(item.j)
        if root_a == root_b:
            continue
        small, large = sorted((root_a, root_b), key=lambda root: len(members[root]))
        if any(find(other) == large for member in members[small] for other in forbidden.get(member, ())):
            continue
        parent[small] = large
        members[large] |= members.pop(small)
    groups = [sorted(group) for group in members.values()]
    return sorted(groups, key=lambda group: group[0])


def _check_index(n: int, index: int, source: str) -> None:
    if not 0 <= index < n:
        raise ValueError(f"{source} refers to record {index}, outside 0..{n - 1}")
