"""Campaigns: when many accounts pile on one target, when they paste one text, and when those are one campaign."""

from __future__ import annotations

import random
from dataclasses import replace
from datetime import datetime, timedelta, timezone

import pytest

from domain.campaigns import (
    Campaign,
    Post,
    campaign_id,
    copy_paste_campaigns,
    detect_pile_ons,
    find_campaigns,
    merge_campaigns,
)

AT = datetime(2024, 11, 5, 21, 0, tzinfo=timezone.utc)


def post(item: str, account: str, *, minutes: float = 0, victim: str | None = "victim_1", **changes: object) -> Post:
    """Return a post by account at victim_1, `minutes` after AT, changed as given."""
    fields = {"target_group": None, "text_group": None, **changes}
    return Post(item=item, account=account, victim=victim, posted_at=AT + timedelta(minutes=minutes), **fields)


def burst(accounts: int, *, first: int = 0, every_minutes: float = 10, start_minutes: float = 0, **changes: object):
    """Return one post from each of `accounts` accounts, `every_minutes` apart."""
    return [
        post(f"item_{first + n}", f"account_{first + n}", minutes=start_minutes + n * every_minutes, **changes)
        for n in range(accounts)
    ]


def test_pile_on_found_when_enough_accounts_post_within_the_window() -> None:
    [campaign] = detect_pile_ons(burst(6), min_accounts=5)
    assert campaign.kind == "pile_on"
    assert campaign.accounts == {f"account_{n}" for n in range(6)}
    assert campaign.victims == {"victim_1"} and len(campaign.items) == 6
    assert (campaign.start, campaign.end) == (AT, AT + timedelta(minutes=50))
    assert "6 distinct accounts posted 6 items at victim victim_1 within 50 minutes" in campaign.evidence[0]
    assert 0 < campaign.strength <= 1


def test_no_pile_on_when_too_few_accounts_even_with_many_posts() -> None:
    posts = [post(f"item_{n}", f"account_{n % 4}", minutes=n) for n in range(40)]
    assert detect_pile_ons(posts, min_accounts=5) == []


def test_no_pile_on_when_the_same_accounts_are_spread_over_days() -> None:
    posts = burst(8, every_minutes=60 * 7)  # 8 accounts, one every 7 hours: at most 4 in any 24 hours
    assert detect_pile_ons(posts, window=timedelta(hours=24), min_accounts=5) == []
    assert len(detect_pile_ons(posts, window=timedelta(hours=50), min_accounts=5)) == 1


def test_the_window_edge_is_inclusive() -> None:
    posts = burst(5, every_minutes=6 * 60)  # the fifth account exactly 24 hours after the first
    assert len(detect_pile_ons(posts, window=timedelta(hours=24), min_accounts=5)) == 1


def test_overlapping_windows_are_merged_into_one_campaign() -> None:
    posts = burst(12, every_minutes=3 * 60)  # 12 accounts over 33 hours: many overlapping 24-hour windows
    [campaign] = detect_pile_ons(posts, window=timedelta(hours=24), min_accounts=5)
    assert len(campaign.accounts) == 12 and campaign.end - campaign.start == timedelta(hours=33)


def test_separate_bursts_at_one_victim_are_separate_campaigns() -> None:
    posts = burst(5) + burst(5, first=5, start_minutes=3 * 24 * 60)
    first, second = detect_pile_ons(posts, min_accounts=5)
    assert first.accounts.isdisjoint(second.accounts) and first.end < second.start
    assert first.id != second.id


def test_a_lone_post_outside_the_window_is_not_part_of_a_later_burst() -> None:
    posts = [post("early", "bystander", minutes=-30 * 60), *burst(5)]
    [campaign] = detect_pile_ons(posts, min_accounts=5)
    assert "bystander" not in campaign.accounts and campaign.start == AT


def test_pile_ons_are_per_victim_or_per_target_group() -> None:
    at_two = burst(3) + burst(3, first=3, victim="victim_2")
    assert detect_pile_ons(at_two, min_accounts=5) == []
    at_group = burst(5, victim=None, target_group="muslims")
    [campaign] = detect_pile_ons(at_group, min_accounts=5)
    assert campaign.victims == frozenset() and campaign.target_groups == {"muslims"}
    assert "at target group muslims" in campaign.evidence[0]


def test_tighter_and_broader_pile_ons_are_stronger() -> None:
    [quick] = detect_pile_ons(burst(5, every_minutes=1), min_accounts=5)
    [slow] = detect_pile_ons(burst(5, every_minutes=5 * 60), min_accounts=5)
    [broad] = detect_pile_ons(burst(20, every_minutes=1), min_accounts=5)
    assert slow.strength < quick.strength < broad.strength < 1


def test_pile_on_detection_is_fast_on_many_posts() -> None:
    rng = random.Random(3)
    posts = [post(f"i{n}", f"a{rng.randrange(5000)}", minutes=rng.uniform(0, 60 * 24 * 365)) for n in range(50_000)]
    assert isinstance(detect_pile_ons(posts, min_accounts=5), list)


def test_copy_paste_groups_accounts_posting_one_text_group() -> None:
    posts = [
        post("item_1", "account_1", text_group="text_a"),
        post("item_2", "account_2", text_group="text_a", minutes=5, victim=None),
        post("item_3", "account_3", text_group="text_a", minutes=90),
        post("item_4", "account_4", text_group="text_b"),
        post("item_5", "account_5", text_group="text_b"),
        post("item_6", "account_6", text_group=None),
    ]
    [campaign] = copy_paste_campaigns(posts, min_accounts=3)
    assert campaign.kind == "copy_paste"
    assert campaign.accounts == {"account_1", "account_2", "account_3"}
    assert campaign.victims == {"victim_1"}
    assert "3 distinct accounts posted the same text (text group text_a) in 3 items at 1 victim" in campaign.evidence


def test_copy_paste_sets_apart_posts_at_victims_no_other_post_names() -> None:
    shared = [post(f"item_{n}", f"account_{n}", text_group="text_a", minutes=n) for n in range(3)]
    strays = [post(f"stray_{n}", f"other_{n}", text_group="text_a", minutes=n, victim=f"person_{n}") for n in range(2)]
    [campaign] = copy_paste_campaigns(shared + strays, min_accounts=3)
    assert campaign.items == {"item_0", "item_1", "item_2"} and campaign.victims == {"victim_1"}
    left_out = "2 posts of the same words in the same hours, each at a victim no other post names, left out"
    assert left_out in campaign.evidence
    spam = [post(f"spam_{n}", f"other_{n}", text_group="text_a", minutes=n, victim=f"person_{n}") for n in range(4)]
    [campaign] = copy_paste_campaigns(spam, min_accounts=3)
    assert len(campaign.victims) == 4, "the same words at many people from enough accounts is a campaign of its own"


def test_copy_paste_needs_distinct_accounts_not_repeats() -> None:
    posts = [post(f"item_{n}", "account_1", text_group="text_a", minutes=n) for n in range(10)]
    assert copy_paste_campaigns(posts, min_accounts=3) == []


def test_a_pile_on_and_a_copy_paste_sharing_most_accounts_merge() -> None:
    pasted = [post(f"paste_{n}", f"account_{n}", text_group="text_a", victim="victim_9") for n in range(4)]
    posts = burst(6) + pasted
    pile_ons = detect_pile_ons(posts, min_accounts=5)
    copy_pastes = copy_paste_campaigns(posts, min_accounts=3, window=timedelta(hours=24))
    [merged] = merge_campaigns(pile_ons, copy_pastes)  # Jaccard 4 / 6
    assert merged.kind == "both"
    assert merged.accounts == pile_ons[0].accounts and merged.items == pile_ons[0].items | copy_pastes[0].items
    assert merged.victims == {"victim_1", "victim_9"}
    assert merged.strength > max(pile_ons[0].strength, copy_pastes[0].strength)
    assert any("share 4 of 6 accounts (Jaccard 0.67)" in line for line in merged.evidence)
    [found] = find_campaigns(posts)
    assert (found.id, found.items, found.strength) == (merged.id, merged.items, merged.strength)


def test_a_pile_on_and_a_copy_paste_sharing_few_accounts_stay_apart() -> None:
    pasted = [post(f"paste_{n}", f"other_{n}", text_group="text_a", victim="victim_9") for n in range(3)]
    posts = burst(6) + pasted + [post("paste_x", "account_0", text_group="text_a", victim="victim_9")]
    campaigns = merge_campaigns(detect_pile_ons(posts), copy_paste_campaigns(posts))
    assert sorted(campaign.kind for campaign in campaigns) == ["copy_paste", "pile_on"]


def test_merge_refuses_campaigns_of_the_wrong_kind() -> None:
    pile_ons = detect_pile_ons(burst(5))
    with pytest.raises(ValueError, match="is pile_on, expected copy_paste"):
        merge_campaigns(pile_ons, pile_ons)


def test_campaign_ids_are_stable_across_input_order_and_runs() -> None:
    posts = burst(7, text_group="text_a")
    first = find_campaigns(posts)
    shuffled = posts[:]
    random.Random(5).shuffle(shuffled)
    assert [campaign.id for campaign in find_campaigns(shuffled)] == [campaign.id for campaign in first]
    [campaign] = first
    assert campaign.id == campaign_id("both", campaign.accounts, campaign.items)
    assert campaign.id.startswith("both:") and len(campaign.id) == len("both:") + 16
    assert campaign_id("pile_on", ["b", "a"], ["y", "x"]) == campaign_id("pile_on", ["a", "b"], ["x", "y"])
    assert campaign_id("pile_on", ["a"], ["x"]) != campaign_id("copy_paste", ["a"], ["x"])


def test_campaigns_are_hashable_value_objects() -> None:
    campaign = detect_pile_ons(burst(5))[0]
    assert isinstance(campaign, Campaign) and campaign in {campaign}


@pytest.mark.parametrize(
    ("call", "message"),
    [
        (lambda: detect_pile_ons([], window=timedelta(0)), "window must be positive"),
        (lambda: detect_pile_ons([], min_accounts=1), "min_accounts must be at least 2"),
        (lambda: post("item_1", ""), "Post item_1: account must be a non-empty id"),
        (
            lambda: Post("item_1", "a", None, None, datetime(2024, 1, 1), None),
            "Post item_1: posted_at 2024-01-01 00:00:00 has no time zone",
        ),
    ],
)
def test_bad_input_is_refused_with_a_clear_message(call, message: str) -> None:
    with pytest.raises(ValueError, match=message):
        call()


def test_the_same_words_months_apart_are_not_one_campaign() -> None:
    early = [post(f"early_{n}", f"account_{n}", text_group="text_a") for n in range(3)]
    late = [replace(p, item=f"late_{n}", account=f"late_account_{n}", posted_at=p.posted_at + timedelta(days=90))
            for n, p in enumerate(early)]
    assert len(copy_paste_campaigns(early + late, window=timedelta(hours=24))) == 2
    assert len(copy_paste_campaigns(early + late)) == 1, "without a window the words alone make one group"
