"""Candidate pairs for attribution and person resolution: records sharing any key under any rule. Pure.

Like `domain.linkage.block_pairs`, but a rule may give a record several keys (an account named in several
reports, a person with an e-mail and a phone), so each rule returns a collection of keys. A key held by more
than `max_block_size` records is too common to tell anyone apart and is skipped (and counted): finer rules must
find those pairs. Each pair comes out once, as (i, j) with i < j, sorted.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Collection, Hashable, Mapping, Sequence
from dataclasses import dataclass, field
from itertools import combinations
from typing import Any

import numpy as np

KeyRule = Callable[[Mapping[str, Any]], Collection[Hashable]]
PairFilter = Callable[[int, int], bool]


@dataclass
class BlockingSummary:
    """How many pairs each rule found first, and the keys skipped as too common."""

    pairs_by_rule: dict[str, int] = field(default_factory=dict)
    skipped: list[tuple[str, Hashable, int]] = field(default_factory=list)

    @property
    def pairs(self) -> int:
        """Return the number of distinct candidate pairs."""
        return sum(self.pairs_by_rule.values())


def multi_key_pairs(
    records: Sequence[Mapping[str, Any]],
    rules: Mapping[str, KeyRule],
    *,
    max_block_size: int = 500,
    pair_filter: PairFilter | None = None,
    summary: BlockingSummary | None = None,
) -> np.ndarray:
    """Return the candidate pairs (shape (pairs, 2), i < j, sorted) of records sharing a key under any rule."""
    if not rules:
        raise ValueError("blocking needs at least one rule; comparing all pairs is not allowed")
    summary = summary if summary is not None else BlockingSummary()
    seen: set[tuple[int, int]] = set()
    for name, rule in rules.items():
        blocks: dict[Hashable, list[int]] = defaultdict(list)
        for index, record in enumerate(records):
            for key in set(rule(record)):
                if key is not None:
                    blocks[(name, key)].append(index)
        found = 0
        for key, members in blocks.items():
            if len(members) > max_block_size:
                summary.skipped.append((name, key[1], len(members)))
                continue
            for pair in combinations(members, 2):
                if pair not in seen and (pair_filter is None or pair_filter(*pair)):
                    seen.add(pair)
                    found += 1
        summary.pairs_by_rule[name] = found
    if not seen:
        return np.empty((0, 2), dtype=np.int64)
    pairs = np.array(sorted(seen), dtype=np.int64)
    return pairs


def account_rules() -> dict[str, KeyRule]:
    """Return the blocking rules for accounts: same name, shared identifier, co-named, alike handles or display names
    (first 4 or last 5 letters; an initial with a surname's end or a first word with a surname's initial)."""
    return {
        "subject_name": lambda record: record.get("names") or (),
        "identifier": lambda record: record.get("identifiers") or (),
        "co_named": lambda record: record.get("small_reports") or (),
        "name_start": lambda record: _ends(record, start=True),
        "name_end": lambda record: _ends(record, start=False),
        "initial_and_name": _initial_keys,
    }


def _ends(record: Mapping[str, Any], *, start: bool) -> set[str]:
    """Return the first 4 or last 5 letters of each handle and display-name form (a first name, a surname)."""
    keys = set()
    for form in (record.get("handle_forms") or frozenset()) | (record.get("display_names") or frozenset()):
        text = form.replace(".", "")
        if start and len(text) >= 4:
            keys.add("^" + text[:4])
        elif not start and len(text) >= 6:
            keys.add(text[-5:] + "$")
    return keys


def _initial_keys(record: Mapping[str, Any]) -> set[str]:
    """Return an initial with the last 4 letters (`phall`, `piotr.hall`: p|hall) and a first word with the last
    word's initial (`jo.s`, `jo.sutcliffe`: jo|s) of each handle and display-name form: names cut to an initial."""
    keys = set()
    for form in (record.get("handle_forms") or frozenset()) | (record.get("display_names") or frozenset()):
        text, parts = form.replace(".", ""), form.split(".")
        if len(text) >= 5:
            keys.add(f"{text[0]}|{text[-4:]}")
        if len(parts) >= 2:
            keys.add(f"{parts[0]}|{parts[-1][0]}.")
    return keys
