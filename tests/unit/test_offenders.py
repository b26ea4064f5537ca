"""Repeat offenders: who ranks first and why, in words, and how the rank fades when an offender goes quiet."""

from __future__ import annotations

import math
from datetime import date, datetime, timedelta, timezone

import pytest

from domain.offenders import (
    DEFAULT_WEIGHTS,
    OffenderStats,
    RankedOffender,
    ScoreWeights,
    offender_score,
    rank_offenders,
    recency,
)

TODAY = date(2024, 11, 20)


def seen(days_ago: int) -> datetime:
    """Return noon UTC `days_ago` days before TODAY."""
    return datetime(TODAY.year, TODAY.month, TODAY.day, 12, tzinfo=timezone.utc) - timedelta(days=days_ago)


def stats(subject: str, **changes: object) -> OffenderStats:
    """Return one victim, one report in one case, one strand, one platform, last seen today, changed as given."""
    fields = {
        "kind": "account",
        "victims": 1,
        "reports": 1,
        "cases": 1,
        "strands": 1,
        "platforms": 1,
        "last_seen": seen(0),
        "first_seen": seen(1000),
    }
    return OffenderStats(subject=subject, **{**fields, **changes})


def test_more_victims_cases_and_strands_rank_higher() -> None:
    ranked = rank_offenders(
        [
            stats("minor"),
            stats("prolific", victims=7, reports=12, cases=5, strands=2, platforms=3),
            stats("middling", victims=3, reports=4, cases=2),
        ],
        today=TODAY,
    )
    assert [(entry.subject, entry.rank) for entry in ranked] == [("prolific", 1), ("middling", 2), ("minor", 3)]
    assert all(isinstance(entry, RankedOffender) for entry in ranked)
    assert ranked[0].score > ranked[1].score > ranked[2].score > 0


def test_evidence_states_the_counts_and_the_arithmetic_in_words() -> None:
    [ranked] = rank_offenders(
        [
            stats(
                "person_1",
                kind="person",
                victims=7,
                reports=12,
                cases=5,
                strands=2,
                strand_names=("race", "religion"),
                platforms=3,
                last_seen=seen(4),
                first_seen=datetime(2024, 3, 2, tzinfo=timezone.utc),
            )
        ],
        today=TODAY,
    )
    assert ranked.kind == "person"
    assert ranked.evidence[0] == (
        "7 distinct victims, 12 reports in 5 cases, 2 strands (race, religion), 3 platforms, last seen 4 days ago "
        "(first seen 2024-03-02)"
    )
    assert ranked.evidence[1].startswith(f"score {ranked.score:.2f} = (3·log2(1+7) + 1·log2(1+12) + 2·log2(1+5)")
    assert "× recency 0.97 (half-life 90 days)" in ranked.evidence[1]


def test_singular_counts_read_naturally() -> None:
    [ranked] = rank_offenders([stats("a", last_seen=seen(1))], today=TODAY)
    assert ranked.evidence[0].startswith(
        "1 distinct victim, 1 report in 1 case, 1 strand, 1 platform, last seen yesterday"
    )


def test_the_score_halves_every_half_life_without_activity() -> None:
    fresh = offender_score(stats("a"), today=TODAY)
    assert offender_score(stats("a", last_seen=seen(90)), today=TODAY) == pytest.approx(fresh / 2)
    assert offender_score(stats("a", last_seen=seen(180)), today=TODAY) == pytest.approx(fresh / 4)
    assert recency(seen(0), today=TODAY) == 1.0
    assert recency(seen(45), today=TODAY) == pytest.approx(math.sqrt(0.5))
    assert recency(seen(30), today=TODAY, half_life_days=30) == pytest.approx(0.5)


def test_a_quiet_prolific_offender_ranks_below_an_active_moderate_one() -> None:
    ranked = rank_offenders(
        [
            stats("quiet", victims=20, reports=40, cases=10, strands=3, platforms=4, last_seen=seen(365)),
            stats("active", victims=3, reports=5, cases=2, last_seen=seen(2)),
        ],
        today=TODAY,
    )
    assert [entry.subject for entry in ranked] == ["active", "quiet"]
    assert "last seen 365 days ago" in ranked[1].evidence[0]


def test_the_score_is_the_documented_formula() -> None:
    entry = stats("a", victims=7, reports=12, cases=5, strands=2, platforms=3, last_seen=seen(10))
    expected = (3 * math.log2(8) + math.log2(13) + 2 * math.log2(6) + 1.5 * math.log2(3) + math.log2(4)) * 0.5 ** (
        10 / 90
    )
    assert offender_score(entry, today=TODAY) == pytest.approx(expected)
    assert offender_score(entry, today=seen(-1)) == offender_score(entry, today=TODAY + timedelta(days=1))


def test_weights_are_data_and_change_the_order() -> None:
    victims_heavy = stats("victims", victims=6)
    reports_heavy = stats("reports", reports=40)
    assert rank_offenders([victims_heavy, reports_heavy], today=TODAY)[0].subject == "victims"
    weights = ScoreWeights(victims=0.5, reports=3.0)
    assert rank_offenders([victims_heavy, reports_heavy], today=TODAY, weights=weights)[0].subject == "reports"
    assert DEFAULT_WEIGHTS.half_life_days == 90


def test_ties_share_a_rank_and_are_listed_by_subject() -> None:
    ranked = rank_offenders([stats("c", victims=9), stats("b"), stats("a")], today=TODAY)
    assert [(entry.subject, entry.rank) for entry in ranked] == [("c", 1), ("a", 2), ("b", 2)]


def test_no_stats_no_ranking() -> None:
    assert rank_offenders([], today=TODAY) == []


@pytest.mark.parametrize(
    ("call", "message"),
    [
        (lambda: stats("s1", kind="group"), "OffenderStats s1: kind 'group' must be 'person' or 'account'"),
        (lambda: stats("s1", victims=-1), "OffenderStats s1: victims -1 must be a whole number >= 0"),
        (lambda: stats("s1", first_seen=seen(0), last_seen=seen(3)), "OffenderStats s1: first_seen .* is after"),
        (lambda: stats("s1", strands=2, strand_names=("race",)), "strands is 2 but strand_names lists 1"),
        (lambda: rank_offenders([stats("s1", last_seen=seen(-2))], today=TODAY), "s1: last_seen 2024-11-22 is after"),
        (lambda: rank_offenders([stats("s1"), stats("s1")], today=TODAY), "account s1 appears more than once"),
        (lambda: ScoreWeights(half_life_days=0), "half_life_days 0 must be positive"),
        (lambda: ScoreWeights(victims=-1), "victims -1 must be a finite number >= 0"),
    ],
)
def test_bad_input_is_refused_with_a_clear_message(call, message: str) -> None:
    with pytest.raises(ValueError, match=message):
        call()
