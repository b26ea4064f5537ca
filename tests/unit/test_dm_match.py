"""Direct messages without a URL: who, to whom, when and what words decide whether two reports show one message."""

from __future__ import annotations

import random
import time
from datetime import datetime, timedelta, timezone

import pytest

from domain.dm_match import DirectMessage, DmMatch, dm_match_score, suggest_dm_links

AT = datetime(2024, 11, 5, 21, 30, tzinfo=timezone.utc)
TEXT = "you people should go back where you came from nobody wants you here in leeds"


def dm(key: str, **changes: object) -> DirectMessage:
    """Return a direct message from sender_1 to victim_1 at AT with TEXT, changed as given."""
    fields = {"platform": "instagram", "account": "sender_1", "victim": "victim_1", "sent_at": AT, "text": TEXT}
    return DirectMessage(key=key, **{**fields, **changes})


def test_same_sender_victim_close_time_and_similar_text_score_high() -> None:
    later = AT + timedelta(minutes=4)
    match = dm_match_score(dm("a"), dm("b", sent_at=later, text=TEXT.replace("leeds", "bradford")))
    assert match is not None and match.score >= 0.85
    assert match.evidence["account"] == "same" and match.evidence["victim"] == "same"
    assert match.evidence["gap_seconds"] == 240.0
    assert 0.7 < match.evidence["text_similarity"] < 1.0


@pytest.mark.parametrize(
    "other",
    [
        dm("b", account="sender_2"),
        dm("b", victim="victim_2"),
        dm("b", platform="tiktok"),
        dm("b", sent_at=AT + timedelta(hours=2, minutes=1)),
        dm("b", sent_at=AT - timedelta(days=3)),
    ],
)
def test_messages_that_cannot_be_the_same_give_none(other: DirectMessage) -> None:
    assert dm_match_score(dm("a"), other) is None


def test_window_is_a_parameter() -> None:
    three_hours_later = dm("b", sent_at=AT + timedelta(hours=3))
    assert dm_match_score(dm("a"), three_hours_later) is None
    assert dm_match_score(dm("a"), three_hours_later, window=timedelta(hours=4)) is not None


def test_missing_text_lowers_the_score_but_still_matches() -> None:
    with_text = dm_match_score(dm("a"), dm("b"))
    without = dm_match_score(dm("a"), dm("b", text=None))
    different_words = dm_match_score(dm("a"), dm("b", text="see you at the match on saturday then mate"))
    assert isinstance(without, DmMatch) and without.evidence["text_similarity"] is None
    assert with_text.score > without.score > different_words.score


def test_unknown_sender_or_victim_matches_with_a_lower_score() -> None:
    full = dm_match_score(dm("a"), dm("b"))
    no_sender = dm_match_score(dm("a"), dm("b", account=None))
    no_victim = dm_match_score(dm("a", victim=None), dm("b"))
    assert no_sender is not None and no_sender.evidence["account"] == "unknown"
    assert no_victim is not None and no_victim.evidence["victim"] == "unknown"
    assert full.score > no_sender.score and full.score > no_victim.score


def test_closer_in_time_scores_higher() -> None:
    near = dm_match_score(dm("a"), dm("b", sent_at=AT + timedelta(minutes=5)))
    far = dm_match_score(dm("a"), dm("b", sent_at=AT + timedelta(minutes=100)))
    assert near.score > far.score


def test_mixing_aware_and_naive_times_is_an_error_naming_the_messages() -> None:
    naive = dm("b", sent_at=AT.replace(tzinfo=None))
    with pytest.raises(ValueError, match="'a' and 'b'"):
        dm_match_score(dm("a"), naive)
    with pytest.raises(ValueError, match="mix send time kinds"):
        suggest_dm_links([dm("a"), naive], threshold=0.5)


def test_suggest_dm_links_finds_the_same_message_reported_twice() -> None:
    messages = [
        dm("r1"),
        dm("r2", sent_at=AT + timedelta(minutes=2), text=TEXT.upper() + "!!"),
        dm("r3", sent_at=AT + timedelta(minutes=30), text="and another thing you lot are all the same"),
        dm("r4", account=None, sent_at=AT + timedelta(minutes=1)),  # the victim could not see the sender
        dm("r5", account="sender_2"),
        dm("r6", sent_at=None),
    ]
    links = suggest_dm_links(messages, threshold=0.7)
    linked = {(a, b) for a, b, _ in links}
    assert links[0][:2] == ("r1", "r2") and links[0][2].score > 0.95
    assert {("r1", "r4"), ("r4", "r2"), ("r6", "r1")} <= linked
    assert {pair for pair in linked if "r5" in pair} == {("r5", "r4")}  # r4's sender may be sender_2 too
    assert not any("r3" in pair for pair in linked)  # same sender and victim, other words: another message


def test_suggest_dm_links_refuses_repeated_keys() -> None:
    with pytest.raises(ValueError, match="'r1' appears twice"):
        suggest_dm_links([dm("r1"), dm("r1")], threshold=0.5)


def test_suggest_dm_links_is_not_quadratic() -> None:
    rng = random.Random(4)
    messages = [
        dm(
            f"m{i}",
            platform=rng.choice(["instagram", "x", "tiktok"]),
            account=None if i % 100 == 0 else f"sender_{rng.randrange(2000)}",
            victim=f"victim_{rng.randrange(3000)}",
            sent_at=AT + timedelta(minutes=rng.randrange(60 * 24 * 30)),
            text=" ".join(rng.choices(TEXT.split(), k=12)),
        )
        for i in range(20_000)
    ]
    comparisons = 0

    def counting_score(a: DirectMessage, b: DirectMessage) -> DmMatch | None:
        nonlocal comparisons
        comparisons += 1
        return dm_match_score(a, b)

    started = time.perf_counter()
    suggest_dm_links(messages, threshold=0.6, score=counting_score)
    elapsed = time.perf_counter() - started
    all_pairs = 20_000 * 19_999 // 2
    assert 0 < comparisons < 0.05 * all_pairs
    assert comparisons < 0.001 * all_pairs  # in fact within sender blocks and time windows only
    assert elapsed < 20
