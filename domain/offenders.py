"""Repeat offenders: rank people and accounts by an explainable score, with the evidence behind each rank in words.

Pure: per-subject counts go in (the graph code counts them in Neo4j), a ranked list comes out. The score is

    score = (3.0·log2(1 + victims) + 1.0·log2(1 + reports) + 2.0·log2(1 + cases)
             + 1.5·log2(1 + strands) + 1.0·log2(1 + platforms)) × 0.5 ** (days since last seen / 90)

Counts are log-scaled so that the tenth victim adds less than the second, and no one count can swamp the others;
distinct victims weigh most (harm spread over people), then cases (separate investigations), then strands (hostility
on several characteristics); reports and platforms weigh least because one incident is often reported many times
and one person often holds accounts on several platforms. The recency factor halves every 90 days without activity,
so a prolific offender last seen a year ago (× 0.06) ranks below a moderate one active this week. The weights are
data (`ScoreWeights`), passed in; a rank's evidence states both the counts and the arithmetic.

Ties share a rank (1, 2, 2, 4) and are listed by subject; a subject last seen after `today` is a data error.
"""

from __future__ import annotations

import math
from collections.abc import Iterable
from dataclasses import dataclass, field, fields
from datetime import date, datetime
from typing import Literal

SubjectKind = Literal["person", "account"]
COUNTS = ("victims", "reports", "cases", "strands", "platforms")


@dataclass(frozen=True, slots=True)
class OffenderStats:
    """What the hub knows of one suspected offender: how many victims, reports, cases, strands, platforms, and when."""

    subject: str
    kind: SubjectKind
    victims: int
    reports: int
    cases: int
    strands: int
    platforms: int
    last_seen: datetime
    first_seen: datetime
    strand_names: tuple[str, ...] = ()

    def __post_init__(self) -> None:
        if self.kind not in ("person", "account"):
            raise ValueError(f"OffenderStats {self.subject}: kind {self.kind!r} must be 'person' or 'account'")
        for name in COUNTS:
            value = getattr(self, name)
            if not isinstance(value, int) or value < 0:
                raise ValueError(f"OffenderStats {self.subject}: {name} {value!r} must be a whole number >= 0")
        if self.first_seen > self.last_seen:
            raise ValueError(
                f"OffenderStats {self.subject}: first_seen {self.first_seen} is after last_seen {self.last_seen}"
            )
        if self.strand_names and len(self.strand_names) != self.strands:
            raise ValueError(
                f"OffenderStats {self.subject}: strands is {self.strands} but strand_names lists "
                f"{len(self.strand_names)} ({', '.join(self.strand_names)})"
            )


@dataclass(frozen=True, slots=True)
class ScoreWeights:
    """The weight of each log-scaled count in the score, and the half-life in days of its recency decay."""

    victims: float = 3.0
    reports: float = 1.0
    cases: float = 2.0
    strands: float = 1.5
    platforms: float = 1.0
    half_life_days: float = 90.0

    def __post_init__(self) -> None:
        for weight in fields(self):
            value = getattr(self, weight.name)
            if not (value >= 0 and math.isfinite(value)):
                raise ValueError(f"ScoreWeights: {weight.name} {value!r} must be a finite number >= 0")
        if self.half_life_days <= 0:
            raise ValueError(f"ScoreWeights: half_life_days {self.half_life_days!r} must be positive")


DEFAULT_WEIGHTS = ScoreWeights()


@dataclass(frozen=True, slots=True)
class RankedOffender:
    """A subject's place in the ranking, its score and the evidence behind it in plain words."""

    subject: str
    kind: SubjectKind
    score: float
    rank: int
    evidence: list[str] = field(hash=False)


def offender_score(stats: OffenderStats, *, today: date, weights: ScoreWeights = DEFAULT_WEIGHTS) -> float:
    """Return the subject's score: weighted log-scaled counts times the recency decay."""
    days = _days_since(stats.last_seen, today, stats.subject)
    return _activity(stats, weights) * 0.5 ** (days / weights.half_life_days)


def recency(last_seen: datetime, *, today: date, half_life_days: float = DEFAULT_WEIGHTS.half_life_days) -> float:
    """Return the recency factor, 0.5 ** (days since last seen / half-life): 1 today, 0.5 after one half-life."""
    return 0.5 ** (_days_since(last_seen, today) / half_life_days)


def rank_offenders(
    stats: Iterable[OffenderStats], *, today: date, weights: ScoreWeights = DEFAULT_WEIGHTS
) -> list[RankedOffender]:
    """Return the subjects ranked by score, highest first, each with the evidence for its rank in words."""
    stats = list(stats)
    seen: set[tuple[str, str]] = set()
    for entry in stats:
        if (entry.kind, entry.subject) in seen:
            raise ValueError(f"rank_offenders: {entry.kind} {entry.subject} appears more than once")
        seen.add((entry.kind, entry.subject))
    scored = sorted(
        ((offender_score(entry, today=today, weights=weights), entry) for entry in stats),
        key=lambda pair: (-pair[0], pair[1].subject, pair[1].kind),
    )
    ranked: list[RankedOffender] = []
    for position, (score, entry) in enumerate(scored, start=1):
        rank = ranked[-1].rank if ranked and ranked[-1].score == score else position
        evidence = [_summary(entry, today), _arithmetic(entry, score, today, weights)]
        ranked.append(RankedOffender(entry.subject, entry.kind, score, rank, evidence))
    return ranked


def _activity(stats: OffenderStats, weights: ScoreWeights) -> float:
    return sum(getattr(weights, name) * math.log2(1 + getattr(stats, name)) for name in COUNTS)


def _days_since(last_seen: datetime, today: date, subject: str = "") -> int:
    day = today.date() if isinstance(today, datetime) else today
    days = (day - last_seen.date()).days
    if days < 0:
        who = f"OffenderStats {subject}: " if subject else ""
        raise ValueError(f"{who}last_seen {last_seen.date()} is after today ({day}); check the clock or the record")
    return days


def _summary(stats: OffenderStats, today: date) -> str:
    """Return e.g. "7 distinct victims, 12 reports in 5 cases, 2 strands (race, religion), 3 platforms, ..."."""
    days = _days_since(stats.last_seen, today, stats.subject)
    strands = _count(stats.strands, "strand")
    if stats.strand_names:
        strands += f" ({', '.join(stats.strand_names)})"
    seen = {0: "last seen today", 1: "last seen yesterday"}.get(days, f"last seen {days} days ago")
    return (
        f"{_count(stats.victims, 'distinct victim')}, {_count(stats.reports, 'report')} in "
        f"{_count(stats.cases, 'case')}, {strands}, {_count(stats.platforms, 'platform')}, {seen} "
        f"(first seen {stats.first_seen.date().isoformat()})"
    )


def _arithmetic(stats: OffenderStats, score: float, today: date, weights: ScoreWeights) -> str:
    terms = " + ".join(f"{getattr(weights, name):g}·log2(1+{getattr(stats, name)})" for name in COUNTS)
    decay = recency(stats.last_seen, today=today, half_life_days=weights.half_life_days)
    return (
        f"score {score:.2f} = ({terms} = {_activity(stats, weights):.2f}) × recency {decay:.2f} "
        f"(half-life {weights.half_life_days:g} days)"
    )


def _count(number: int, noun: str) -> str:
    return f"{number} {noun}" if number == 1 else f"{number} {noun}s"
