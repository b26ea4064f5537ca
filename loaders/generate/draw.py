"""Weighted drawing from the one seeded random stream, fast enough to call a hundred times per report."""

from __future__ import annotations

import random
from bisect import bisect
from collections.abc import Sequence
from itertools import accumulate
from typing import TypeVar

T = TypeVar("T")
_CUMULATIVE: dict[tuple[float, ...], tuple[float, ...]] = {}


def weighted(rng: random.Random, options: Sequence[T], weights: tuple[float, ...]) -> T:
    """Return one option, drawn in proportion to its weight (like rng.choices, with cached running totals)."""
    cumulative = _CUMULATIVE.get(weights)
    if cumulative is None:
        cumulative = _CUMULATIVE[weights] = tuple(accumulate(weights))
    return options[bisect(cumulative, rng.random() * cumulative[-1])]
