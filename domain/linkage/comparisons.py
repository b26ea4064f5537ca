"""Comparisons: named, ordered levels of agreement between two records on one aspect, as in Splink.

A `Comparison` first turns each record into the value it compares (`value`, None when a field it needs is
missing), then tries its levels in order and reports the first whose predicate holds; the last level is "else"
(no predicate). When either side is None the outcome is the "null" level, `NULL_LEVEL` (-1), which carries no
evidence (weight 0), as in Splink. Levels are indexed from 0, the closest agreement first.

Ready-made builders and their levels:

    exact_match               exact / else
    string_similarity         exact / Jaro-Winkler >= 0.92 / Jaro-Winkler >= 0.8 / else (thresholds adjustable)
    handle_comparison         exact / same_core (same letters once digits, punctuation and decorations go) /
                              related (a prefix of 4+ letters, or core Jaro-Winkler or token-set ratio >= 0.85) /
                              else; see `normalise.handle_similarity`
    date_of_birth_comparison  exact / year_month / else
    postcode_comparison       full / district (outward code, "SW1A") / area (letters, "SW") / else
    email_comparison          exact / local_part (same local part, other domain) / local_part_similar
                              (Jaro-Winkler of the local parts >= 0.88) / else

A custom comparison over whole records leaves `prepare` out, so its predicates see the two record dicts:

    Comparison("town_street", (Level("both", lambda a, b: a["town"] == b["town"] and a["street"] == b["street"],
                                     "same town and street"),
                               Level("else", None, "another address")), fields=("town", "street"))
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

import numpy as np
from rapidfuzz.distance import JaroWinkler
from rapidfuzz.process import cpdist

from domain.linkage.normalise import (
    clean_text,
    dob_digits,
    email_parts,
    handle_similarity,
    is_missing,
    jaro_winkler,
    postcode_parts,
)

NULL_LEVEL = -1
TOLERANCE = 1e-9  # similarity >= threshold - TOLERANCE, so one-by-one and batch scores (last bit apart) agree
ELSE = "else"
Record = Mapping[str, Any]
Predicate = Callable[[Any, Any], bool]


@dataclass(frozen=True)
class Level:
    """One outcome of a comparison: a predicate over the two compared values (None for "else") and why it counts."""

    name: str
    predicate: Predicate | None
    explanation: str


@dataclass(frozen=True)
class Comparison:
    """An ordered list of levels over one aspect of two records; the null level applies when a field is missing.

    `fields` are the record keys that must all be present on both sides; `prepare` turns a record into the value
    the predicates see (by default the record itself), returning None when that value is missing. `batch`, when
    given, returns the levels of many pairs of non-null values at once and must agree with the predicates.
    """

    name: str
    levels: tuple[Level, ...]
    fields: tuple[str, ...] = ()
    prepare: Callable[[Record], Any] | None = field(default=None, compare=False)
    batch: Callable[[np.ndarray, np.ndarray], np.ndarray] | None = field(default=None, compare=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "levels", tuple(self.levels))
        object.__setattr__(self, "fields", tuple(self.fields))
        names = [level.name for level in self.levels]
        if len(self.levels) < 2:
            raise ValueError(f"comparison {self.name!r} needs at least one level before 'else', has {names}")
        if self.levels[-1].predicate is not None:
            raise ValueError(f"comparison {self.name!r}: the last level must be 'else' (no predicate), not {names[-1]}")
        if any(level.predicate is None for level in self.levels[:-1]):
            raise ValueError(f"comparison {self.name!r}: only the last level may lack a predicate, levels {names}")
        if len(set(names)) != len(names) or "null" in names:
            raise ValueError(f"comparison {self.name!r}: level names must be unique and not 'null', got {names}")

    @property
    def level_names(self) -> tuple[str, ...]:
        """Return the level names in evaluation order (index = level number)."""
        return tuple(level.name for level in self.levels)

    def value(self, record: Record) -> Any:
        """Return what this comparison compares for one record, or None when a needed field is missing."""
        if any(is_missing(record.get(name)) for name in self.fields):
            return None
        return record if self.prepare is None else self.prepare(record)

    def level_of(self, value_a: Any, value_b: Any) -> int:
        """Return the index of the first level whose predicate holds for two prepared values (NULL_LEVEL: a None)."""
        if value_a is None or value_b is None:
            return NULL_LEVEL
        for index, level in enumerate(self.levels[:-1]):
            if level.predicate(value_a, value_b):  # type: ignore[misc]
                return index
        return len(self.levels) - 1

    def levels_of(self, values_a: Sequence[Any], values_b: Sequence[Any]) -> np.ndarray:
        """Return the level index for each pair of prepared values (NULL_LEVEL where either is None)."""
        left, right = as_objects(values_a), as_objects(values_b)
        levels = np.full(len(left), NULL_LEVEL, dtype=np.int8)
        present = np.flatnonzero(np.not_equal(left, None) & np.not_equal(right, None))
        if len(present) == 0:
            return levels
        left, right = left[present], right[present]
        if self.batch is not None:
            levels[present] = self.batch(left, right)
        else:
            levels[present] = [self.level_of(a, b) for a, b in zip(left.tolist(), right.tolist())]
        return levels

    def evaluate(self, record_a: Record, record_b: Record) -> int:
        """Return the level index that two records reach on this comparison."""
        return self.level_of(self.value(record_a), self.value(record_b))

    def explanation(self, index: int) -> str:
        """Return the explanation of a level index, or of the null level."""
        if index == NULL_LEVEL:
            return f"{', '.join(self.fields) or self.name} missing on one side: no evidence either way"
        return self.levels[index].explanation


def _field_value(name: str, normalise: Callable[[Any], Any]) -> Callable[[Record], Any]:
    def prepare(record: Record) -> Any:
        return normalise(record.get(name))

    return prepare


def exact_match(
    field_name: str, *, name: str | None = None, normalise: Callable[[Any], Any] = clean_text
) -> Comparison:
    """Return a two-level comparison: the normalised values are equal, or not."""
    levels = (
        Level("exact", lambda a, b: a == b, f"{field_name} equal"),
        Level(ELSE, None, f"{field_name} differs"),
    )
    return Comparison(name or field_name, levels, (field_name,), _field_value(field_name, normalise), _equal_batch)


def _equal_batch(left: np.ndarray, right: np.ndarray) -> np.ndarray:
    return np.where(_equal(left, right), 0, 1)


def _equal(left: np.ndarray, right: np.ndarray) -> np.ndarray:
    return np.asarray(left == right, dtype=bool)


def as_objects(values: Sequence[Any]) -> np.ndarray:
    """Return values as a 1-d object array without numpy splitting tuples into a second dimension."""
    if isinstance(values, np.ndarray) and values.dtype == object and values.ndim == 1:
        return values
    return np.fromiter(values, dtype=object, count=len(values))


def string_similarity(
    field_name: str, thresholds: Sequence[float] = (0.92, 0.8), *, name: str | None = None
) -> Comparison:
    """Return exact / Jaro-Winkler >= each threshold (descending) / else levels on a casefolded text field."""
    ordered = sorted(thresholds, reverse=True)
    levels = [Level("exact", lambda a, b: a == b, f"{field_name} equal")]
    for threshold in ordered:
        levels.append(
            Level(
                f"jaro_winkler_{threshold:g}",
                lambda a, b, t=threshold: jaro_winkler(a, b) >= t - TOLERANCE,
                f"{field_name} Jaro-Winkler similarity >= {threshold:g}",
            )
        )
    levels.append(Level(ELSE, None, f"{field_name} Jaro-Winkler similarity < {ordered[-1]:g}"))

    def batch(left: np.ndarray, right: np.ndarray) -> np.ndarray:
        similarity = cpdist(left, right, scorer=JaroWinkler.similarity, dtype=np.float64)
        result = np.full(len(left), len(levels) - 1)
        for index in range(len(ordered), 0, -1):
            result[similarity >= ordered[index - 1] - TOLERANCE] = index
        result[_equal(left, right)] = 0
        return result

    prepare = _field_value(field_name, clean_text)
    return Comparison(name or field_name, tuple(levels), (field_name,), prepare, batch)


def handle_comparison(field_name: str = "handle", *, related: float = 0.85, name: str | None = None) -> Comparison:
    """Return exact / same_core / related / else levels for social handles (see `normalise.handle_similarity`)."""

    def normalise(value: Any) -> str | None:
        text = clean_text(value)
        return None if text is None else text.replace(" ", "").lstrip("@")

    levels = (
        Level("exact", lambda a, b: a == b, f"{field_name} identical (ignoring case and a leading @)"),
        Level(
            "same_core",
            lambda a, b: handle_similarity(a, b) >= 1.0,
            f"{field_name} same letters once digits, punctuation and decorations are dropped",
        ),
        Level(
            "related",
            lambda a, b: handle_similarity(a, b) >= related,
            f"{field_name} cores related: one a prefix of the other (4+ letters) or similarity >= {related:g}",
        ),
        Level(ELSE, None, f"{field_name} cores unrelated"),
    )
    return Comparison(name or field_name, levels, (field_name,), _field_value(field_name, normalise))


def date_of_birth_comparison(field_name: str = "date_of_birth", *, name: str | None = None) -> Comparison:
    """Return exact / year_month / else levels over dates of birth given as dates, ISO, YYYYMMDD or DD/MM/YYYY."""
    levels = (
        Level("exact", lambda a, b: a == b, f"{field_name} identical"),
        Level(
            "year_month",
            lambda a, b: len(a) == 8 and len(b) == 8 and a[:6] == b[:6],
            f"{field_name} same year and month, other day",
        ),
        Level(ELSE, None, f"{field_name} differs in year or month"),
    )
    return Comparison(name or field_name, levels, (field_name,), _field_value(field_name, dob_digits))


def postcode_comparison(field_name: str = "postcode", *, name: str | None = None) -> Comparison:
    """Return full / district / area / else levels over UK postcodes (spaces and case ignored)."""
    levels = (
        Level("full", lambda a, b: a[0] == b[0], f"{field_name} identical"),
        Level("district", lambda a, b: a[1] == b[1], f"{field_name} same district (outward code)"),
        Level("area", lambda a, b: a[2] == b[2], f"{field_name} same area (leading letters)"),
        Level(ELSE, None, f"{field_name} in another area"),
    )
    return Comparison(name or field_name, levels, (field_name,), _field_value(field_name, postcode_parts))


def email_comparison(field_name: str = "email", *, similar: float = 0.88, name: str | None = None) -> Comparison:
    """Return exact / local_part / local_part_similar / else levels over email addresses."""
    levels = (
        Level("exact", lambda a, b: a == b, f"{field_name} identical (case and +tag ignored)"),
        Level("local_part", lambda a, b: a[0] == b[0], f"{field_name} same local part, other domain"),
        Level(
            "local_part_similar",
            lambda a, b: jaro_winkler(a[0], b[0]) >= similar - TOLERANCE,
            f"{field_name} local parts Jaro-Winkler similarity >= {similar:g}",
        ),
        Level(ELSE, None, f"{field_name} local parts differ"),
    )
    return Comparison(name or field_name, levels, (field_name,), _field_value(field_name, email_parts))
