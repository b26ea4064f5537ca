"""The Fellegi-Sunter model: m and u probabilities per comparison level, estimated rather than hand-tuned.

For each comparison level k, m_k = P(level k | the two records are one person) and u_k = P(level k | they are
not). A pair's evidence on that comparison is the Bayes factor m_k / u_k, reported as a match weight
log2(m_k / u_k); the null level (a field missing) has weight 0. A pair's match weight is the prior's weight
log2(lambda / (1 - lambda)) plus the comparisons' weights, and its probability 2**w / (1 + 2**w).

Estimation, as Splink does it:
- u from random pairs (`estimate_u`): almost all random pairs are non-matches, so level frequencies among them
  are the u probabilities.
- m and lambda by expectation-maximisation over the comparison vectors of blocked pairs (`estimate_m_em`), with
  u held at its random-pair estimate. A comparison whose field a blocking rule required to agree says nothing
  there and can be left out of a session with `exclude=` (its m is kept), as in Splink's training sessions.
  EM runs over the distinct comparison vectors weighted by their counts, so its cost does not grow with pairs.
- Fixed (m, u) for "certain" levels (e.g. a shared normalised email or phone number) passed as `fixed=`; neither
  estimate ever moves them, and the other levels of that comparison share the remaining probability. Either value
  may be None, to be estimated (a certain level's u fixed, its m estimated).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

import numpy as np

from domain.linkage.comparisons import NULL_LEVEL, Comparison, Record, as_objects

FLOOR = 1e-6  # no level is ever given probability 0: one odd value must not veto a link by an infinite weight
Pairs = Sequence[tuple[int, int]] | np.ndarray


@dataclass(frozen=True)
class Evidence:
    """One comparison's outcome for a pair: the level reached, why it counts and its weight log2(m / u)."""

    comparison: str
    level: str
    explanation: str
    weight: float
    m: float | None = None
    u: float | None = None


@dataclass(frozen=True)
class EMResult:
    """How an EM session went: lambda among the pairs it saw, iterations run and whether it converged."""

    prior: float
    iterations: int
    converged: bool
    pairs: int


class FellegiSunter:
    """A Fellegi-Sunter model over a fixed list of comparisons; see the module docstring for the estimates."""

    def __init__(
        self,
        comparisons: Sequence[Comparison],
        prior: float | None = None,
        *,
        fixed: Mapping[str, Mapping[str, tuple[float | None, float | None]]] | None = None,
    ) -> None:
        self.comparisons = tuple(comparisons)
        names = [comparison.name for comparison in self.comparisons]
        if not names or len(set(names)) != len(names):
            raise ValueError(f"a model needs comparisons with unique names, got {names}")
        self.prior = _check_probability("prior", prior) if prior is not None else None
        self.m = [_start(len(c.levels), closest=True) for c in self.comparisons]
        self.u = [_start(len(c.levels), closest=False) for c in self.comparisons]
        self.fixed: dict[tuple[int, int], tuple[float | None, float | None]] = {}
        for comparison_name, levels in (fixed or {}).items():
            if comparison_name not in names:
                raise ValueError(f"fixed m/u given for unknown comparison {comparison_name!r}; known: {names}")
            index = names.index(comparison_name)
            for level_name, (m, u) in levels.items():
                level_names = self.comparisons[index].level_names
                if level_name not in level_names:
                    raise ValueError(f"fixed m/u for {comparison_name!r}: no level {level_name!r} in {level_names}")
                label = f"fixed {comparison_name}.{level_name}"
                if m is None and u is None:
                    raise ValueError(f"{label}: give m, u or both (None leaves one to be estimated)")
                self.fixed[(index, level_names.index(level_name))] = (
                    None if m is None else _check_probability(f"{label} m", m),
                    None if u is None else _check_probability(f"{label} u", u),
                )
        for index in range(len(self.comparisons)):
            self.m[index] = self._normalised(index, self.m[index], which=0)
            self.u[index] = self._normalised(index, self.u[index], which=1)

    def comparison_vectors(self, records: Sequence[Record], pairs: Pairs) -> np.ndarray:
        """Return the level index of every comparison for every pair, shape (pairs, comparisons), -1 for null."""
        pairs = np.asarray(pairs, dtype=np.int64).reshape(-1, 2)
        needed = np.unique(pairs)
        position = np.searchsorted(needed, pairs)
        gamma = np.empty((len(pairs), len(self.comparisons)), dtype=np.int8)
        for column, comparison in enumerate(self.comparisons):
            values = as_objects([comparison.value(records[index]) for index in needed.tolist()])
            gamma[:, column] = comparison.levels_of(values[position[:, 0]], values[position[:, 1]])
        return gamma

    def estimate_u(
        self, records: Sequence[Record], sample_pairs: int = 100_000, *, seed: int = 0, pairs: Pairs | None = None
    ) -> int:
        """Set u from the level frequencies among random pairs of records (or the given pairs); return pairs used."""
        if pairs is None:
            if len(records) < 2:
                raise ValueError(f"estimating u needs at least 2 records, got {len(records)}")
            rng = np.random.default_rng(seed)
            drawn = rng.integers(0, len(records), size=(sample_pairs, 2))
            pairs = drawn[drawn[:, 0] != drawn[:, 1]]
        gamma = self.comparison_vectors(records, pairs)
        for index, comparison in enumerate(self.comparisons):
            counts = np.bincount(gamma[:, index][gamma[:, index] != NULL_LEVEL], minlength=len(comparison.levels))
            if counts.sum():
                self.u[index] = self._normalised(index, counts / counts.sum(), which=1)
        return len(gamma)

    def estimate_m_em(
        self,
        pairs_gamma: np.ndarray,
        max_iter: int = 25,
        tol: float = 1e-4,
        *,
        exclude: Iterable[str] = (),
        total_pairs: int | None = None,
    ) -> EMResult:
        """Estimate m and lambda by EM over blocked pairs' comparison vectors, u held fixed; return how it went.

        With `total_pairs` (all pairs the blocked ones were drawn from) lambda is the prior of a random pair,
        the pairs outside the blocks counted as non-matches; without it, lambda is the share of matches among
        these pairs. Lambda becomes the model's prior only when no comparison is excluded; see `estimate_prior`.
        """
        excluded = set(exclude)
        unknown = excluded - {c.name for c in self.comparisons}
        if unknown:
            raise ValueError(f"cannot exclude unknown comparisons {sorted(unknown)}")
        active = [i for i, c in enumerate(self.comparisons) if c.name not in excluded]
        result = self._em(pairs_gamma, active, max_iter, tol, update_m=True, total_pairs=total_pairs)
        if not excluded:
            self.prior = result.prior
        return result

    def estimate_prior(
        self, pairs_gamma: np.ndarray, *, total_pairs: int | None = None, max_iter: int = 200, tol: float = 1e-9
    ) -> float:
        """Set the prior (lambda) by EM with m and u held fixed, and return it.

        Pass `total_pairs` (n * (n - 1) / 2 when deduplicating n records) to get the prior of a random pair, the
        one that matches u from random pairs; the blocked pairs are assumed to hold (nearly) all the matches.
        """
        every = list(range(len(self.comparisons)))
        result = self._em(pairs_gamma, every, max_iter, tol, update_m=False, total_pairs=total_pairs)
        self.prior = result.prior
        return result.prior

    def _em(
        self, pairs_gamma: np.ndarray, active: list[int], max_iter: int, tol: float, *, update_m: bool,
        total_pairs: int | None,
    ) -> EMResult:  # fmt: skip
        gamma = self._check_gamma(pairs_gamma)
        if len(gamma) == 0:
            raise ValueError("EM needs at least one blocked pair; the blocking rules found none")
        if total_pairs is not None and total_pairs < len(gamma):
            raise ValueError(f"total_pairs ({total_pairs}) cannot be fewer than the blocked pairs ({len(gamma)})")
        patterns, counts = np.unique(gamma, axis=0, return_counts=True)
        counts = counts.astype(float)
        start = self.prior if self.prior is not None else 0.1 * len(gamma) / (total_pairs or len(gamma))
        prior = float(np.clip(start, 1e-12, 0.9999))
        iteration, converged = 0, False
        for iteration in range(1, max_iter + 1):
            logit = np.log(prior) - np.log1p(-prior) + self._log_bayes_factor(patterns, active)
            match_mass = counts / (1.0 + np.exp(-np.clip(logit, -700, 700)))
            new_prior = float(np.clip(match_mass.sum() / (total_pairs or counts.sum()), 1e-12, 1 - 1e-9))
            change = abs(new_prior - prior) / prior
            if update_m:
                for index in active:
                    levels = patterns[:, index]
                    mass = np.bincount(levels[levels != NULL_LEVEL], match_mass[levels != NULL_LEVEL],
                                       minlength=len(self.comparisons[index].levels))  # fmt: skip
                    if mass.sum() > 0:
                        new_m = self._normalised(index, mass / mass.sum(), which=0)
                        change = max(change, float(np.abs(new_m - self.m[index]).max()))
                        self.m[index] = new_m
            prior = new_prior
            if change < tol:
                converged = True
                break
        return EMResult(prior=prior, iterations=iteration, converged=converged, pairs=int(counts.sum()))

    def level_weights(self, index: int) -> np.ndarray:
        """Return log2(m / u) per level of one comparison, with a trailing 0 that the null level (-1) picks."""
        return np.append(np.log2(self.m[index] / self.u[index]), 0.0)

    def _log_bayes_factor(self, gamma: np.ndarray, active: Sequence[int]) -> np.ndarray:
        total = np.zeros(len(gamma))
        for index in active:
            total += self.level_weights(index)[gamma[:, index]] * np.log(2.0)
        return total

    @property
    def prior_weight(self) -> float:
        """Return log2(lambda / (1 - lambda)), the match weight a pair has before any comparison."""
        if self.prior is None:
            raise ValueError("the model has no prior yet: pass prior= or run estimate_m_em / estimate_prior first")
        return float(np.log2(self.prior / (1.0 - self.prior)))

    def score(self, gamma: np.ndarray | Sequence[int]) -> tuple[Any, Any]:
        """Return (match weight, match probability) for one comparison vector, or arrays of both for a matrix."""
        array = np.asarray(gamma)
        single = array.ndim == 1
        matrix = self._check_gamma(array.reshape(1, -1) if single else array)
        weight = self.prior_weight + self._log_bayes_factor(matrix, range(len(self.comparisons))) / np.log(2.0)
        probability = 1.0 / (1.0 + np.exp2(-np.clip(weight, -1000, 1000)))
        return (float(weight[0]), float(probability[0])) if single else (weight, probability)

    def evidence(self, gamma: Sequence[int]) -> list[Evidence]:
        """Return one Evidence per comparison for a comparison vector, in comparison order."""
        table = self._evidence_table()
        return [table[index][int(level)] for index, level in enumerate(gamma)]

    def evidence_rows(self, gamma: np.ndarray) -> list[tuple[Evidence, ...]]:
        """Return the evidence of each row of a comparison-vector matrix, sharing one Evidence per level."""
        table = self._evidence_table()
        levels = np.asarray(gamma).T.tolist()
        columns = [[table[index][level] for level in column] for index, column in enumerate(levels)]
        return list(zip(*columns))

    def _evidence_table(self) -> list[list[Evidence]]:
        """Return, per comparison, the Evidence of each level with the null level last (so index -1 finds it)."""
        table = []
        for index, comparison in enumerate(self.comparisons):
            row = []
            for level, name in enumerate(comparison.level_names):
                m, u = float(self.m[index][level]), float(self.u[index][level])
                row.append(Evidence(comparison.name, name, comparison.explanation(level), float(np.log2(m / u)), m, u))
            row.append(Evidence(comparison.name, "null", comparison.explanation(NULL_LEVEL), 0.0))
            table.append(row)
        return table

    def explain(self, record_a: Record, record_b: Record) -> list[Evidence]:
        """Return every comparison's outcome and match weight for two records: why they would (not) be linked."""
        return self.evidence([comparison.evaluate(record_a, record_b) for comparison in self.comparisons])

    def parameters(self) -> list[dict[str, Any]]:
        """Return one row per comparison level: comparison, level, m, u, weight and whether it was fixed."""
        rows = []
        for index, comparison in enumerate(self.comparisons):
            weights = self.level_weights(index)
            for level, name in enumerate(comparison.level_names):
                rows.append({"comparison": comparison.name, "level": name, "m": float(self.m[index][level]),
                             "u": float(self.u[index][level]), "weight": float(weights[level]),
                             "fixed": (index, level) in self.fixed})  # fmt: skip
        return rows

    def _normalised(self, index: int, probabilities: np.ndarray, *, which: int) -> np.ndarray:
        """Return probabilities floored and summing to 1, with the fixed levels of comparison `index` kept as given."""
        result = np.maximum(np.asarray(probabilities, dtype=float), FLOOR)
        fixed = {level: values[which] for (c, level), values in self.fixed.items()
                 if c == index and values[which] is not None}  # fmt: skip
        free = [level for level in range(len(result)) if level not in fixed]
        remaining = max(1.0 - sum(fixed.values()), FLOOR * max(len(free), 1))
        if free:
            result[free] = result[free] / result[free].sum() * remaining
        for level, value in fixed.items():
            result[level] = value
        return result

    def _check_gamma(self, gamma: np.ndarray) -> np.ndarray:
        gamma = np.asarray(gamma)
        if gamma.ndim != 2 or gamma.shape[1] != len(self.comparisons):
            raise ValueError(f"comparison vectors must have shape (pairs, {len(self.comparisons)}), got {gamma.shape}")
        return gamma.astype(np.int64, copy=False)


def _start(levels: int, *, closest: bool) -> np.ndarray:
    """Return EM starting values: 0.9 on the closest level (m) or on "else" (u), the rest shared evenly."""
    start = np.full(levels, 0.1 / (levels - 1))
    start[0 if closest else -1] = 0.9
    return start


def _check_probability(label: str, value: float) -> float:
    if not 0.0 < float(value) < 1.0:
        raise ValueError(f"{label} must be a probability strictly between 0 and 1, not {value}")
    return float(value)
