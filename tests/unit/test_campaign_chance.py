"""Chance as the measure of evidence: common words in a burst, or near a campaign, prove little."""

from __future__ import annotations

import math
from datetime import datetime, timedelta, timezone

import pytest

from domain.campaign_chance import Background, poisson_tail
from domain.campaigns import Post, copy_paste_campaigns, find_campaigns

AT = datetime(2026, 5, 1, 12, 0, tzinfo=timezone.utc)
DAY = timedelta(days=1)


def said(key: str, account: str, at: datetime, words: str = "common words", victim: str | None = None) -> Post:
    """Return a post of `words` on x by `account` at `at`."""
    return Post(item=key, account=account, victim=victim, target_group=None, posted_at=at, text_group=words,
                platform="x")


def every_day(words: str, days: int = 365) -> list[Post]:
    """Return one post of `words` a day, each from its own account, for the year before AT."""
    return [said(f"{words}_{n}", f"{words}_account_{n}", AT - n * DAY - timedelta(hours=5), words)
            for n in range(1, days)]


def burst(words: str, accounts: int = 5) -> list[Post]:
    """Return `accounts` accounts posting `words` ten minutes apart from AT."""
    return [said(f"{words}_burst_{n}", f"{words}_burster_{n}", AT + timedelta(minutes=10 * n), words)
            for n in range(accounts)]


def test_poisson_tail_matches_its_definition() -> None:
    assert poisson_tail(0, 3.0) == 1.0
    assert poisson_tail(1, 2.0) == pytest.approx(1 - math.exp(-2))
    assert poisson_tail(5, 1.0) == pytest.approx(1 - sum(math.exp(-1) / math.factorial(n) for n in range(5)))


def test_the_background_rate_leaves_out_the_campaigns_own_posts() -> None:
    background = Background(every_day("common words", days=101) + burst("common words"))
    key = ("words", "x", "common words")
    assert background.counts[key] == 105
    assert background.expected(key, DAY, own=5) == pytest.approx(100 / ((background.period) / DAY))
    assert background.expected(("words", "x", "never said"), DAY) == 0


def test_five_accounts_posting_words_said_every_day_are_no_campaign_but_rare_words_are() -> None:
    window = timedelta(hours=24)
    common = every_day("common words") + burst("common words")
    assert copy_paste_campaigns(common, min_accounts=5, window=window) != [], "without the test it is a burst"
    assert copy_paste_campaigns(common, min_accounts=5, window=window, max_chance=0.05) == []
    rare = every_day("common words") + burst("rare words")
    [campaign] = copy_paste_campaigns(rare, min_accounts=5, window=window, max_chance=0.05)
    assert any(line.startswith("chance, at these words' rate in other posts, gives") for line in campaign.evidence)


def test_a_large_burst_of_common_words_is_still_a_campaign() -> None:
    posts = every_day("common words") + burst("common words", accounts=15)
    [campaign] = [c for c in find_campaigns(posts, min_copy_paste_accounts=5) if c.kind == "copy_paste"]
    assert len(campaign.accounts) >= 15
