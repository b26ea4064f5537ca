"""How common a handle's agreement is: the term-frequency idea of Splink, counted over the accounts themselves. Pure.

Two handles with the same letters say more when few other accounts share those letters: `agnieszka.moore` is
rare, `north.patriot` (two words from a small stock of pseudonym words) recurs across many people. For each
account we count the candidate accounts (the blocked pairs it is in) whose handle agrees with its own as closely
as a given relation: the same letters, or the same or one name abbreviated alike. The handle comparison then
puts a pair in a band by the larger count of its two accounts (`band_of`), and EM estimates each band's m and u,
so a common agreement weighs less without any hand-set weight. The counts include the account's own person's
other accounts, as Splink's term frequencies include duplicates: a person with four accounts makes its handle
look a little commoner than it is.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

import numpy as np

from graph.attribution.names import SAME, STRONG, relation

BANDS = (1, 3, 7)  # at most this many accounts agree so with either of the two: 2**k - 1, a doubling each time
Record = dict[str, Any]


def handle_relations(records: Sequence[Mapping[str, Any]], pairs: np.ndarray) -> np.ndarray:
    """Return the relation (SAME, STRONG, WEAK, NONE; -1 without a handle form) of each pair's two handles."""
    result = np.full(len(pairs), -1, dtype=np.int8)
    for row, (a, b) in enumerate(pairs.tolist()):
        left, right = records[a].get("handle_forms"), records[b].get("handle_forms")
        if left and right:
            result[row] = relation(left, right)
    return result


def with_alike_counts(records: Sequence[Mapping[str, Any]], pairs: np.ndarray) -> list[Record]:
    """Return copies of the records, each with `alike`: (accounts whose handle has the same letters as its own,
    accounts whose handle has the same letters or abbreviates one name alike), counted over the candidate pairs."""
    same = np.zeros(len(records), dtype=np.int64)
    close = np.zeros(len(records), dtype=np.int64)
    if len(pairs):
        relations = handle_relations(records, pairs)
        for mask, counts in ((relations == SAME, same), ((relations == SAME) | (relations == STRONG), close)):
            np.add.at(counts, pairs[mask].ravel(), 1)
    return [{**record, "alike": (int(same[index]), int(close[index]))} for index, record in enumerate(records)]


def band_of(a: Mapping[str, Any], b: Mapping[str, Any], closeness: int) -> int | None:
    """Return the smallest band (of BANDS) holding the larger alike count of two records, None above the last or
    when a record has no counts; `closeness` is SAME (count of the same letters) or STRONG (same or strong)."""
    counts = [record.get("alike") for record in (a, b)]
    if any(count is None for count in counts):
        return None
    largest = max(count[0 if closeness == SAME else 1] for count in counts)  # type: ignore[index]
    return next((band for band in BANDS if largest <= band), None)
