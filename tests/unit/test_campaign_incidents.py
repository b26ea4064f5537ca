"""Campaigns from items reported together: undated and unattributed items, incidents, and lone reports that fit."""

from __future__ import annotations

import random
from datetime import datetime, timedelta, timezone

import pytest

from domain.campaign_incidents import complete_from_incident, incidents_of
from domain.campaigns import Post, find_campaigns

AT = datetime(2026, 3, 2, 18, 0, tzinfo=timezone.utc)


def item(key: str, account: str | None = None, *, minutes: float | None = None, case: str | None = None,
         words: str | None = None, victim: str | None = None, platform: str = "x",
         reported_minutes: float | None = None) -> Post:
    """Return a reported item: dated `minutes` after AT when given, in `case` when given."""
    return Post(
        item=key, account=account, victim=victim, target_group=None, text_group=words, platform=platform,
        posted_at=None if minutes is None else AT + timedelta(minutes=minutes),
        cases=frozenset({case}) if case else frozenset(),
        reported_at=None if reported_minutes is None else AT + timedelta(minutes=reported_minutes),
    )


def bundle(case: str, *, dated: int, undated: int, unattributed: int = 0, first: int = 0, **changes) -> list[Post]:
    """Return one report's items (one case): `dated` with author and time, `undated` with an author only, and
    `unattributed` with neither, each item by its own account."""
    posts = [item(f"{case}_d{n}", f"{case}_acc_{n}", minutes=first + 20 * n, case=case, **changes)
             for n in range(dated)]
    posts += [item(f"{case}_u{n}", f"{case}_acc_{dated + n}", case=case, **changes) for n in range(undated)]
    posts += [item(f"{case}_z{n}", None, case=case, **changes) for n in range(unattributed)]
    return posts


def test_items_sharing_a_case_are_one_incident_named_by_its_smallest_item() -> None:
    posts = [item("b", case="case_1"), item("c", case="case_1"), item("a", case="case_2"), item("d")]
    posts.append(Post("e", None, None, None, None, None, cases=frozenset({"case_1", "case_2"})))
    assert incidents_of(posts) == {"a": "a", "b": "a", "c": "a", "e": "a", "d": "d"}


def test_an_undated_item_takes_its_incidents_median_time_and_only_wording() -> None:
    posts = [item("a", "p", minutes=0, case="c", words="w1"), item("b", "q", minutes=30, case="c"),
             item("c", "r", minutes=600, case="c", words="w1"), item("d", "s", case="c"),
             item("e", "t", case="c", platform="tiktok"), item("f", "u", minutes=5)]
    completed = {post.item: post for post in complete_from_incident(posts, incidents_of(posts))}
    assert completed["d"].posted_at == AT + timedelta(minutes=30) and completed["d"].estimated
    assert completed["a"].posted_at == AT and not completed["a"].estimated
    assert completed["d"].text_group == "w1" and completed["b"].text_group == "w1"
    assert completed["e"].text_group is None, "words are lent only on the same platform"
    assert completed["f"].incident == "f" and completed["d"].incident == "a"


def test_two_wordings_in_one_incident_lend_none() -> None:
    posts = [item("a", "p", minutes=0, case="c", words="w1"), item("b", "q", minutes=1, case="c", words="w2"),
             item("c", "r", case="c")]
    completed = {post.item: post for post in complete_from_incident(posts, incidents_of(posts))}
    assert completed["c"].text_group is None


def test_a_bundled_report_with_few_dated_items_is_one_campaign_holding_all_of_them() -> None:
    posts = bundle("case_1", dated=2, undated=4, unattributed=2)
    [campaign] = find_campaigns(posts)
    assert campaign.kind == "pile_on" and campaign.items == {post.item for post in posts}
    assert len(campaign.accounts) == 6 and (campaign.start, campaign.end) == (AT, AT + timedelta(minutes=20))
    assert any("reported together with case_1_d0" in line for line in campaign.evidence)
    assert any("4 posting times taken from the items reported with them" in line for line in campaign.evidence)
    assert any("2 more items reported together with these" in line and "2 of them with no posting time given"
               in line for line in campaign.evidence)


def test_items_with_no_time_anywhere_in_their_incident_make_no_campaign() -> None:
    assert find_campaigns(bundle("case_1", dated=0, undated=8)) == []


def test_an_item_of_the_incident_posted_long_after_the_burst_is_not_taken_in() -> None:
    posts = bundle("case_1", dated=5, undated=0) + [item("late", "other", minutes=10 * 24 * 60, case="case_1")]
    [campaign] = find_campaigns(posts)
    assert "late" not in campaign.items and len(campaign.items) == 5


# A year of other reports, so that the background rate of words and victims is measured over a year.
YEAR_BEFORE = item("last_year", "someone", minutes=-365 * 24 * 60, case="case_0")


def test_a_lone_undated_report_with_the_campaigns_words_joins_when_reported_soon_after() -> None:
    posts = [YEAR_BEFORE, *bundle("case_1", dated=5, undated=0, words="same words")]
    soon = item("witness_1", "acc_w", case="case_9", words="same words", reported_minutes=300)
    late = item("witness_2", "acc_v", case="case_8", words="same words", reported_minutes=4 * 24 * 60)
    elsewhere = item("witness_3", "acc_u", case="case_7", words="same words", platform="tiktok", reported_minutes=300)
    [campaign] = find_campaigns([*posts, soon, late, elsewhere])
    assert "witness_1" in campaign.items and "acc_w" in campaign.accounts
    assert "witness_2" not in campaign.items and "witness_3" not in campaign.items
    assert any("1 item reported separately joined: the same words (text group same words) on x, first reported at "
               "2026-03-02 23:00" in line and "chance would put at most 0.05" in line for line in campaign.evidence)


def test_a_lone_report_does_not_join_by_words_chance_puts_there_anyway() -> None:
    daily = [item(f"daily_{n}", f"d{n}", minutes=-n * 24 * 60 + 7, words="common words") for n in range(1, 366)]
    posts = bundle("case_1", dated=5, undated=0, words="common words", first=60)
    lone = item("witness_1", "acc_w", case="case_9", words="common words", reported_minutes=300)
    [campaign] = [c for c in find_campaigns([*daily, *posts, lone]) if "case_1_d0" in c.items]
    assert "witness_1" not in campaign.items, "the words turn up every day: sharing them is no evidence"


def test_a_lone_dated_report_at_the_same_victim_joins_when_posted_near_the_burst() -> None:
    posts = [YEAR_BEFORE, *bundle("case_1", dated=5, undated=0, victim="email:v@example.org")]
    near = item("witness_1", minutes=200, case="case_9", victim="email:v@example.org")
    far = item("witness_2", minutes=5 * 24 * 60, case="case_8", victim="email:v@example.org")
    [campaign] = find_campaigns([*posts, near, far])
    assert "witness_1" in campaign.items and "witness_2" not in campaign.items


def test_a_lone_report_two_campaigns_could_take_joins_neither() -> None:
    first = bundle("case_1", dated=5, undated=0, words="same words")
    second = bundle("case_2", dated=5, undated=0, words="same words", first=600)
    lone = item("witness_1", "acc_w", minutes=300, case="case_9", words="same words")
    campaigns = find_campaigns([*first, *second, lone], min_copy_paste_accounts=20)
    assert len(campaigns) == 2 and all("witness_1" not in campaign.items for campaign in campaigns)


def test_copy_paste_is_per_platform() -> None:
    on_x = [item(f"x_{n}", f"x:acc_{n}", minutes=n, words="same words") for n in range(3)]
    on_tiktok = [item(f"t_{n}", f"tiktok:acc_{n}", minutes=n, words="same words", platform="tiktok") for n in range(2)]
    assert find_campaigns(on_x + on_tiktok, min_copy_paste_accounts=5) == []
    more = [item(f"x_{n}", f"x:acc_{n}", minutes=n, words="same words") for n in range(3, 5)]
    [campaign] = find_campaigns(on_x + on_tiktok + more, min_copy_paste_accounts=5)
    assert campaign.kind == "copy_paste" and campaign.items == {f"x_{n}" for n in range(5)}
    assert "on x in 5 items" in campaign.evidence[0]


def test_a_pile_on_and_a_copy_paste_group_holding_one_incident_merge_whatever_their_accounts() -> None:
    pile_on = bundle("case_1", dated=5, undated=0, victim="name:v")
    pasted = [item(f"p_{n}", f"other_{n}", minutes=30 + n, words="same words") for n in range(5)]
    pasted.append(item("p_5", "case_1_acc_0", minutes=31, words="same words", case="case_1"))
    [campaign] = find_campaigns(pile_on + pasted, min_copy_paste_accounts=5)
    assert campaign.kind == "both" and len(campaign.items) == 11
    assert any("hold items reported together (incident case_1_d0)" in line for line in campaign.evidence)


def test_two_bursts_in_one_incident_days_apart_stay_two_campaigns() -> None:
    early = bundle("case_1", dated=5, undated=0)
    late = [item(f"late_{n}", f"late_acc_{n}", minutes=5 * 24 * 60 + n, case="case_1") for n in range(5)]
    first, second = find_campaigns(early + late)
    assert first.items == {post.item for post in early} and second.items == {post.item for post in late}


def test_every_item_is_in_at_most_one_campaign() -> None:
    rng = random.Random(7)
    posts = [
        item(f"i{n}", rng.choice([None, f"a{rng.randrange(60)}"]), case=f"c{rng.randrange(150)}",
             minutes=rng.choice([None, rng.uniform(0, 6 * 24 * 60)]), words=rng.choice([None, "w1", "w2"]),
             victim=rng.choice([None, "v1", "v2"]), reported_minutes=rng.uniform(0, 7 * 24 * 60))
        for n in range(600)
    ]
    campaigns = find_campaigns(posts)
    held = [key for campaign in campaigns for key in campaign.items]
    assert campaigns and len(held) == len(set(held))


def test_a_report_time_without_a_zone_is_refused() -> None:
    with pytest.raises(ValueError, match="Post a: reported_at 2026-01-01 00:00:00 has no time zone"):
        Post("a", None, None, None, None, None, reported_at=datetime(2026, 1, 1))
    assert Post("a", None, None, None, None, None).account is None, "an item whose author no one gave is fine"
