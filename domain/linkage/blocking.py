"""Blocking: the candidate pairs worth comparing, never all n * (n - 1) / 2 of them.

Each rule is a key function of a record (e.g. surname + year of birth); two records are a candidate pair when
some rule gives them the same key. A key of None puts the record in no block for that rule (a missing field
never pairs everything that lacks it). Each pair is emitted once: a pair from rule k is skipped when an earlier
rule already put both records in one (emitted) block, as Splink does, so no set of seen pairs is kept.

A block with more than `max_block_size` records is skipped whole and recorded in the `BlockingReport` (rule,
key, size): such a key is too common to discriminate (a default value, a surname like "smith" on a large file)
and would cost size**2 / 2 comparisons. Its pairs are lost unless another, finer rule finds them, so a report
with skipped blocks means a rule should be made finer, never that the cap should be dropped.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Hashable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from itertools import chain, combinations
from typing import Any

import numpy as np

from domain.linkage.normalise import is_missing

BlockingRule = Callable[[Mapping[str, Any]], Hashable | None]
PairFilter = Callable[[int, int], bool]
DEFAULT_MAX_BLOCK_SIZE = 1_000


@dataclass
class SkippedBlock:
    """A block left out because it had more than the allowed number of records."""

    rule: int
    key: Hashable
    size: int


@dataclass
class BlockingReport:
    """What one `block_pairs` run emitted and what it skipped; filled in as the pairs are consumed."""

    pairs: int = 0
    pairs_by_rule: list[int] = field(default_factory=list)
    skipped: list[SkippedBlock] = field(default_factory=list)


def block_pairs(
    records: Sequence[Mapping[str, Any]],
    rules: Sequence[BlockingRule],
    *,
    max_block_size: int = DEFAULT_MAX_BLOCK_SIZE,
    pair_filter: PairFilter | None = None,
    report: BlockingReport | None = None,
) -> Iterator[tuple[int, int]]:
    """Yield each candidate pair (i, j), i < j, whose records share a key under any rule, once.

    `pair_filter(i, j)` drops pairs that must never be compared (e.g. records of one source file when linking
    two files, or a victim and a suspect). `report`, when given, counts the pairs and the skipped big blocks.
    """
    if not rules:
        raise ValueError("block_pairs needs at least one blocking rule; comparing all pairs is not allowed")
    if max_block_size < 2:
        raise ValueError(f"max_block_size must be at least 2, not {max_block_size}")
    report = report if report is not None else BlockingReport()
    report.pairs_by_rule = [0] * len(rules)
    earlier: list[tuple[list[Hashable | None], set[Hashable]]] = []  # keys and oversized keys of each earlier rule
    for rule_index, rule in enumerate(rules):
        keys = [rule(record) for record in records]
        blocks: dict[Hashable, list[int]] = defaultdict(list)
        for index, key in enumerate(keys):
            if key is not None:
                blocks[key].append(index)
        oversized = {key for key, members in blocks.items() if len(members) > max_block_size}
        for key in oversized:
            report.skipped.append(SkippedBlock(rule_index, key, len(blocks[key])))
        for key, members in blocks.items():
            if len(members) < 2 or key in oversized:
                continue
            for i, j in combinations(members, 2):
                if _blocked_earlier(i, j, earlier) or (pair_filter is not None and not pair_filter(i, j)):
                    continue
                report.pairs += 1
                report.pairs_by_rule[rule_index] += 1
                yield i, j
        earlier.append((keys, oversized))


def _blocked_earlier(i: int, j: int, earlier: list[tuple[list[Hashable | None], set[Hashable]]]) -> bool:
    for keys, oversized in earlier:
        key = keys[i]
        if key is not None and key == keys[j] and key not in oversized:
            return True
    return False


def field_key(*names: str, transform: Callable[[str], str] | None = None) -> BlockingRule:
    """Return a blocking rule keyed on the casefolded values of fields (None when any is missing)."""

    def key(record: Mapping[str, Any]) -> tuple[str, ...] | None:
        parts = []
        for name in names:
            value = record.get(name)
            if is_missing(value):
                return None
            text = str(value).strip().casefold()
            part = transform(text) if transform else text
            if not part:
                return None
            parts.append(part)
        return tuple(parts)

    return key


def candidate_pairs(
    records: Sequence[Mapping[str, Any]],
    rules: Sequence[BlockingRule],
    *,
    max_block_size: int = DEFAULT_MAX_BLOCK_SIZE,
    pair_filter: PairFilter | None = None,
    report: BlockingReport | None = None,
) -> np.ndarray:
    """Return `block_pairs` as an int64 array of shape (pairs, 2), built without a list of tuples."""
    pairs = block_pairs(records, rules, max_block_size=max_block_size, pair_filter=pair_filter, report=report)
    return np.fromiter(chain.from_iterable(pairs), dtype=np.int64).reshape(-1, 2)
