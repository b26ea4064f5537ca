"""Estimating a Fellegi-Sunter model's m and u by EM over the candidate pairs themselves, some pairs known. Pure.

`domain.linkage` takes u from random pairs and m by EM. That assumes a random pair is almost never a match on
any level; accounts break it: one person runs several accounts whose handles agree, so half the random pairs
whose handles share their letters are in fact one person, u is overstated for exactly the levels that matter
and the model under-links (pairwise F1 0.67 on generated data, in an early version of the comparisons). Here
both m and u come from EM over the blocked pairs (as Fellegi-Sunter EM was first used, Winkler 1988), the prior
being the share of matches among those pairs: u then describes the non-matches the blocking lets through, which
are the ones scoring must tell apart.

EM alone takes for its "match" class whatever looks alike: two people whose pseudonyms share their words look
like one person on every comparison, and the model grew sure of links that were wrong one time in three. So the
EM is semi-supervised (as clerically reviewed pairs are used in EM by Larsen and Rubin, 2001): pairs whose
evidence is certain (`matches` levels, analysts' confirmations) count as matches, pairs whose evidence
contradicts (`non_matches` levels: alike handles carrying different numbers, another name given; analysts'
rejections) as non-matches, in every E step. How often alike handles carry different numbers then tells EM how
often alike handles belong to two people, and the match probabilities come out calibrated (on generated data,
each common handle level's mean probability is within 0.1 of its true share of matches). Fixed (m, u) for
certain evidence stay as given; a fixed value of None is estimated.
"""

from __future__ import annotations

import json
from collections.abc import Collection, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np

from domain.linkage import NULL_LEVEL, Comparison, FellegiSunter

FLOOR = 1e-6
MIN_PAIRS = 500  # fewer candidate pairs than this teach EM too little: the shipped defaults are used instead
MODELS = Path(__file__).resolve().parent / "models"
FixedLevels = Mapping[str, Mapping[str, tuple[float | None, float | None]]]
Levels = Collection[tuple[str, str]]


@dataclass(frozen=True)
class Training:
    """How a training run went: pairs seen, iterations, whether the prior settled, the prior found, pairs known."""

    pairs: int
    iterations: int
    converged: bool
    prior: float
    known_matches: int = 0
    known_non_matches: int = 0


def train(
    records: Sequence[Mapping[str, Any]],
    pairs: np.ndarray,
    comparisons: Sequence[Comparison],
    *,
    fixed: FixedLevels | None = None,
    matches: Levels = (),
    non_matches: Levels = (),
    known: Mapping[tuple[int, int], bool] | None = None,
    u_from_random_pairs: bool = False,
    defaults: str | None = None,
    max_iter: int = 300,
    tol: float = 1e-5,
) -> tuple[FellegiSunter, Training]:
    """Return a model whose m, u and prior are estimated by EM over the candidate pairs, and how it went.

    Pairs reaching a `matches` level, or `known` True (by record indices, as in `pairs`), are held to be one
    person; pairs reaching a `non_matches` level, or `known` False, two people (a match level wins over a
    non-match level, an analyst's decision in `known` over both).
    With `u_from_random_pairs` it is the library's way instead (u from random pairs, m and the prior of a random
    pair by EM): right for records that are rarely one person at random, such as one reporter per report.
    With fewer than MIN_PAIRS candidate pairs, the model stored in `models/<defaults>.json` (estimated this way
    on generated data, see benchmarks/attribution.py) is returned instead, with `iterations` 0.
    """
    if defaults is not None and len(pairs) < MIN_PAIRS:
        model = load_model(comparisons, (MODELS / f"{defaults}.json").read_text(), fixed=fixed)
        return model, Training(pairs=len(pairs), iterations=0, converged=True, prior=float(model.prior))
    model = FellegiSunter(comparisons, fixed=fixed)
    if len(pairs) == 0:
        model.prior = 1e-6
        return model, Training(pairs=0, iterations=0, converged=True, prior=model.prior)
    gamma = model.comparison_vectors(records, pairs)
    if u_from_random_pairs:
        count = len(records)
        model.estimate_u(records, sample_pairs=min(count * (count - 1) // 2, 100_000), seed=0)
        result = model.estimate_m_em(gamma, total_pairs=count * (count - 1) // 2)
        return model, Training(pairs=len(gamma), iterations=result.iterations, converged=result.converged,
                               prior=float(model.prior))  # fmt: skip
    labels = pair_labels(model, gamma, pairs, matches=matches, non_matches=non_matches, known=known)
    model.estimate_u(records, pairs=pairs)  # start: the candidate pairs are mostly non-matches
    model.prior = 0.05
    converged, iteration = False, 0
    for iteration in range(1, max_iter + 1):
        before = model.prior
        _, probability = model.score(gamma)
        probability = np.where(np.isnan(labels), probability, labels)
        model.prior = float(np.clip(probability.mean(), FLOOR, 1 - FLOOR))
        _update(model, gamma, probability)
        if abs(model.prior - before) <= tol * max(before, 1e-9):
            converged = True
            break
    return model, Training(pairs=len(gamma), iterations=iteration, converged=converged, prior=float(model.prior),
                           known_matches=int(np.sum(labels == 1.0)),
                           known_non_matches=int(np.sum(labels == 0.0)))  # fmt: skip


def pair_labels(
    model: FellegiSunter,
    gamma: np.ndarray,
    pairs: np.ndarray,
    *,
    matches: Levels = (),
    non_matches: Levels = (),
    known: Mapping[tuple[int, int], bool] | None = None,
) -> np.ndarray:
    """Return per pair 1.0 (known one person), 0.0 (known two) or NaN (for EM to weigh), from levels and decisions."""
    labels = np.full(len(gamma), np.nan)
    for levels, value in ((non_matches, 0.0), (matches, 1.0)):
        for comparison, level in levels:
            column = [c.name for c in model.comparisons].index(comparison)
            labels[gamma[:, column] == model.comparisons[column].level_names.index(level)] = value
    for row, (a, b) in enumerate(np.asarray(pairs).reshape(-1, 2).tolist()):
        decided = (known or {}).get((a, b), (known or {}).get((b, a)))
        if decided is not None:
            labels[row] = 1.0 if decided else 0.0
    return labels


def _update(model: FellegiSunter, gamma: np.ndarray, probability: np.ndarray) -> None:
    """Set m and u to the level frequencies among the pairs, weighted by each pair's chance of (not) matching."""
    for index, comparison in enumerate(model.comparisons):
        column = gamma[:, index]
        present = column != NULL_LEVEL
        for which, weight in ((0, probability), (1, 1.0 - probability)):
            mass = np.bincount(column[present], weight[present], minlength=len(comparison.levels))
            if mass.sum() > 0:
                target = model.m if which == 0 else model.u
                target[index] = _with_fixed(model, index, mass / mass.sum(), which=which)


def _with_fixed(model: FellegiSunter, index: int, probabilities: np.ndarray, *, which: int) -> np.ndarray:
    """Return probabilities floored, the fixed levels of comparison `index` as given, the rest sharing what is left."""
    result = np.maximum(probabilities, FLOOR)
    fixed = {level: values[which] for (comparison, level), values in model.fixed.items()
             if comparison == index and values[which] is not None}  # fmt: skip
    free = [level for level in range(len(result)) if level not in fixed]
    if free:
        result[free] = result[free] / result[free].sum() * max(1.0 - sum(fixed.values()), FLOOR * len(free))
    for level, value in fixed.items():
        result[level] = value
    return result


def dump_model(model: FellegiSunter) -> str:
    """Return a model's prior and every level's m and u as JSON, to store and score with later."""
    return json.dumps({"prior": model.prior, "levels": model.parameters()}, sort_keys=True)


def load_model(comparisons: Sequence[Comparison], text: str, *, fixed: FixedLevels | None = None) -> FellegiSunter:
    """Return a model over `comparisons` with the prior, m and u stored by `dump_model`."""
    data = json.loads(text)
    model = FellegiSunter(comparisons, prior=data["prior"], fixed=fixed)
    stored = {(row["comparison"], row["level"]): row for row in data["levels"]}
    for index, comparison in enumerate(model.comparisons):
        for level, name in enumerate(comparison.level_names):
            row = stored.get((comparison.name, name))
            if row is None:
                raise ValueError(f"the stored model has no level {comparison.name}.{name}: run a full attribution")
            model.m[index][level], model.u[index][level] = row["m"], row["u"]
    return model
