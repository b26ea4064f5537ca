"""How often chance alone would give what a campaign shows: background rates of words and victims.

Pure. The same short words ("go back to where you came from") turn up every day from unrelated accounts, and
more often the more reports the hub holds, so five accounts posting them in a day, or one more report of them
near a campaign, is weak evidence on its own. A key is the same words on one platform, or one victim. Its
background rate is the number of posts with it, less those of the campaign in question, over the period all
the posts span; the count expected by chance in an interval is that rate times the interval (a Poisson count).

- A copy-paste burst of `m` accounts is kept when chance would give one at least that large less than
  `max_chance` times over the whole period: P(N >= m) × (period / window) <= max_chance, N ~ Poisson(rate × window).
- A lone report joins a campaign by a key only when at most `max_chance` posts with that key are expected by
  chance in the campaign's time (its span and the window either side).
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Iterable
from datetime import timedelta

from domain.campaign_model import Post

MAX_CHANCE = 0.05  # at most one chance finding in twenty: the conventional significance level

Key = tuple[str, str, str]


def keys_of(post: Post) -> set[Key]:
    """Return what a post can share with others: its words on its platform, and its victim."""
    keys: set[Key] = set()
    if post.text_group:
        keys.add(("words", post.platform or "", post.text_group))
    if post.victim:
        keys.add(("victim", "", post.victim))
    return keys


def describe(key: Key) -> str:
    """Return a key in words: "the same words (text group ...) on x", "the same victim ..."."""
    kind, platform, value = key
    if kind == "victim":
        return f"the same victim {value}"
    return f"the same words (text group {value})" + (f" on {platform}" if platform else "")


def poisson_tail(count: int, expected: float) -> float:
    """Return P(N >= count) for N ~ Poisson(expected)."""
    if count <= 0:
        return 1.0
    term = math.exp(-expected)
    below = 0.0
    for n in range(count):
        below += term
        term *= expected / (n + 1)
    return max(0.0, 1.0 - below)


class Background:
    """The number of posts with each key, and the period all the posts span."""

    def __init__(self, posts: Iterable[Post]) -> None:
        self.counts: Counter[Key] = Counter()
        moments = []
        for post in posts:
            self.counts.update(keys_of(post))
            if post.posted_at is not None:
                moments.append(post.posted_at)
        self.period = max(moments) - min(moments) if moments else timedelta(0)

    def expected(self, key: Key, interval: timedelta, *, own: int = 0) -> float:
        """Return how many posts with `key`, other than the `own` ones, chance puts in an interval this long."""
        if self.period <= timedelta(0):
            return 0.0
        return max(0, self.counts[key] - own) * (interval / self.period)

    def chance_bursts(self, key: Key, accounts: int, window: timedelta, *, own: int) -> float:
        """Return how many bursts of `accounts` or more posts with `key` within `window` chance gives in the period."""
        if self.period <= window:
            return 0.0
        return poisson_tail(accounts, self.expected(key, window, own=own)) * (self.period / window)
