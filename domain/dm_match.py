"""Direct messages without a URL: could two reports show the same message? A score offered for human review.

Two DMs cannot be the same message, and `dm_match_score` returns None, when their platforms differ, their known
sender accounts differ, their known victims differ, or their known send times are more than `window` apart
(default 2 hours). Otherwise the score, 0..1, is a weighted sum of four pieces of evidence, each 0..1:

    score = 0.30 * account + 0.20 * victim + 0.15 * time + 0.35 * text

    account  1 when both sender accounts are known (and so equal)
    victim   1 when both victims are known (and so equal)
    time     1 - gap / window when both send times are known: 1 at the same instant, 0 at the window's edge
    text     Jaccard similarity of the texts' word 3-shingles when both are known

and each is UNKNOWN_CREDIT (0.3) when either side does not know it. So a missing text (or sender, victim, time)
lowers the score below that of agreement but does not forbid the match; it scores above two texts that plainly
differ, because one sender often sends one victim several different messages within the hour.
Platforms, accounts and victims are compared as given: pass canonical values (`loaders.normalise`).
"""

from __future__ import annotations

import bisect
from collections import defaultdict
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from functools import cached_property, partial

from domain.textsim import jaccard, shingles

DEFAULT_WINDOW = timedelta(hours=2)
WEIGHTS = {"account": 0.30, "victim": 0.20, "time": 0.15, "text": 0.35}
UNKNOWN_CREDIT = 0.3


@dataclass(frozen=True)
class DirectMessage:
    """One reported direct message; any field but key and platform may be unknown."""

    key: str
    platform: str
    account: str | None
    victim: str | None
    sent_at: datetime | None
    text: str | None

    @cached_property
    def text_shingles(self) -> frozenset[int]:
        """Return the shingles of the message text (empty when there is none), computed once."""
        return frozenset(shingles(self.text)) if self.text else frozenset()


@dataclass(frozen=True)
class DmMatch:
    """How alike two direct messages are: a score 0..1 and the evidence behind it."""

    score: float
    evidence: dict[str, object] = field(default_factory=dict)


Pair = tuple[DirectMessage, DirectMessage]


def dm_match_score(a: DirectMessage, b: DirectMessage, *, window: timedelta = DEFAULT_WINDOW) -> DmMatch | None:
    """Return how likely a and b are the same message, or None when they cannot be (see the module docstring)."""
    if window <= timedelta(0):
        raise ValueError(f"window must be positive, not {window}")
    if a.platform != b.platform:
        return None
    if _both_known_and_differ(a.account, b.account) or _both_known_and_differ(a.victim, b.victim):
        return None
    gap = _gap_seconds(a, b)
    if gap is not None and gap > window.total_seconds():
        return None
    both_texts = bool(a.text_shingles) and bool(b.text_shingles)
    text_similarity = jaccard(a.text_shingles, b.text_shingles) if both_texts else None
    same_account = a.account is not None and b.account is not None
    same_victim = a.victim is not None and b.victim is not None
    parts = {
        "account": 1.0 if same_account else UNKNOWN_CREDIT,
        "victim": 1.0 if same_victim else UNKNOWN_CREDIT,
        "time": 1.0 - gap / window.total_seconds() if gap is not None else UNKNOWN_CREDIT,
        "text": text_similarity if text_similarity is not None else UNKNOWN_CREDIT,
    }
    score = sum(WEIGHTS[name] * value for name, value in parts.items())
    evidence: dict[str, object] = {
        "account": "same" if same_account else "unknown",
        "victim": "same" if same_victim else "unknown",
        "gap_seconds": gap,
        "text_similarity": text_similarity,
    }
    return DmMatch(score=round(score, 6), evidence=evidence)


def suggest_dm_links(
    messages: Sequence[DirectMessage],
    *,
    threshold: float,
    window: timedelta = DEFAULT_WINDOW,
    score: Callable[[DirectMessage, DirectMessage], DmMatch | None] | None = None,
) -> list[tuple[str, str, DmMatch]]:
    """Return (key, key, match) for pairs scoring at least threshold, best first, for an analyst to confirm.

    Within a pair the earlier-sent message comes first when both times are known.

    Compares only plausible pairs: messages of one (platform, account) within `window` of each other, messages of
    that sender without a time against the rest of its block, and messages of unknown sender against the
    platform's messages within `window`. A message with neither sender nor time has nothing to block on and is
    not compared. `score` defaults to `dm_match_score` with this window; pass a wrapper to count comparisons.
    """
    _check_messages(messages)
    score = score or partial(dm_match_score, window=window)
    suggestions = []
    for a, b in _plausible_pairs(messages, window):
        match = score(a, b)
        if match is not None and match.score >= threshold:
            suggestions.append((a.key, b.key, match))
    return sorted(suggestions, key=lambda s: (-s[2].score, s[0], s[1]))


def _plausible_pairs(messages: Sequence[DirectMessage], window: timedelta) -> Iterator[Pair]:
    """Yield each pair worth scoring once: same sender blocks, then unknown senders against their platform."""
    by_sender: dict[tuple[str, str], list[DirectMessage]] = defaultdict(list)
    by_platform: dict[str, list[DirectMessage]] = defaultdict(list)
    for message in messages:
        if message.account is not None:
            by_sender[(message.platform, message.account)].append(message)
        if message.sent_at is not None:
            by_platform[message.platform].append(message)
    for block in by_sender.values():
        yield from _within_block(block, window)
    for platform_messages in by_platform.values():
        timeline = sorted(platform_messages, key=lambda m: m.sent_at)
        times = [m.sent_at for m in timeline]
        for position, message in enumerate(timeline):
            if message.account is not None:
                continue
            start = bisect.bisect_left(times, message.sent_at - window)
            end = bisect.bisect_right(times, message.sent_at + window)
            for other_position in range(start, end):
                other = timeline[other_position]
                # Two unknown senders meet twice in this loop: keep the meeting from the earlier one.
                if other_position != position and (other.account is not None or other_position > position):
                    yield (message, other) if other_position > position else (other, message)


def _within_block(block: list[DirectMessage], window: timedelta) -> Iterator[Pair]:
    """Yield pairs of one sender's messages: timed ones within window, untimed ones with all the rest."""
    timed = sorted((m for m in block if m.sent_at is not None), key=lambda m: m.sent_at)
    untimed = [m for m in block if m.sent_at is None]
    for position, message in enumerate(timed):
        for other in timed[position + 1 :]:
            if other.sent_at - message.sent_at > window:
                break
            yield message, other
    for position, message in enumerate(untimed):
        for other in [*timed, *untimed[position + 1 :]]:
            yield message, other


def _both_known_and_differ(a: str | None, b: str | None) -> bool:
    return a is not None and b is not None and a != b


def _gap_seconds(a: DirectMessage, b: DirectMessage) -> float | None:
    if a.sent_at is None or b.sent_at is None:
        return None
    if (a.sent_at.tzinfo is None) != (b.sent_at.tzinfo is None):
        raise ValueError(f"direct messages {a.key!r} and {b.key!r}: one sent_at has a time zone and one has not")
    return abs((a.sent_at - b.sent_at).total_seconds())


def _check_messages(messages: Sequence[DirectMessage]) -> None:
    """Refuse repeated keys and a mix of time-zone-aware and naive send times, naming the messages."""
    seen: set[str] = set()
    aware: dict[bool, str] = {}
    for message in messages:
        if message.key in seen:
            raise ValueError(f"direct message key {message.key!r} appears twice")
        seen.add(message.key)
        if message.sent_at is not None:
            aware.setdefault(message.sent_at.tzinfo is not None, message.key)
    if len(aware) == 2:
        raise ValueError(
            f"direct messages {aware[True]!r} (time zone) and {aware[False]!r} (no time zone) mix send time kinds"
        )
