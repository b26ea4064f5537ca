"""Each duplicate rule, positive and negative, through intake (online) and `hub dedupe` (batch)."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from graph.dedupe.batch import recompute
from graph.intake import ingest
from graph.port import GraphPort
from loaders.validation import validate_report
from tests import factories as f

TWEET = "https://x.com/troll_one/status/1111111111111111111"
TWEET_VARIANT = "http://mobile.twitter.com/Troll_One/status/1111111111111111111/?s=20"
OTHER_TWEET = "https://x.com/troll_one/status/2222222222222222222"
NO_AUTHOR_TWEET = "https://x.com/i/status/4444444444444444444"  # names no account
CAMPAIGN_TEXT = "people like her do not belong in this country and should be sent back now"


def _load(port: GraphPort, *records: dict) -> None:
    for record in records:
        ingest(port, [(validate_report(record), None)])


def _groups(port: GraphPort) -> set[frozenset[str]]:
    by_case: dict[str, set[str]] = {}
    for row in port.read("testing/cases_overview"):
        by_case.setdefault(row["case"], set()).add(row["reference"])
    return {frozenset(group) for group in by_case.values()}


def _links(port: GraphPort, kind: str) -> list[dict]:
    return [row for row in port.read("testing/links_overview") if row["type"] == kind]


# Each scenario: records in arrival order, and the expected grouping into cases.
SCENARIOS: list[tuple[str, Callable[[], list[dict]], list[set[str]]]] = [
    ("same post, URLs pasted differently", lambda: [
        f.report("A", content=[f.post(TWEET)]),
        f.report("B", content=[f.post(TWEET_VARIANT, handle="troll_one")]),
    ], [{"A", "B"}]),
    ("different posts are different incidents", lambda: [
        f.report("A", content=[f.post(TWEET)]),
        f.report("B", content=[f.post(OTHER_TWEET, handle="someone_else")]),
    ], [{"A"}, {"B"}]),
    ("transitive: a report on two items joins both cases", lambda: [
        f.report("A", content=[f.post(TWEET)]),
        f.report("B", content=[f.post(OTHER_TWEET, handle="someone_else")]),
        f.report("C", content=[f.post(TWEET), f.post(OTHER_TWEET, handle="someone_else")]),
    ], [{"A", "B", "C"}]),
    ("copy-paste by different accounts is not a duplicate", lambda: [
        f.report("A", content=[f.post("https://x.com/acc_1/status/3000000000000000001", handle="acc_1", text=CAMPAIGN_TEXT)]),
        f.report("B", content=[f.post("https://x.com/acc_2/status/3000000000000000002", handle="acc_2", text=CAMPAIGN_TEXT)]),
    ], [{"A"}, {"B"}]),
    ("resubmission by the same reporter without URLs", lambda: [
        f.report("A", reporter={"role": "victim", "email": "sam@example.org"}, description="A man on Telegram keeps messaging me threats about my religion every night since June"),
        f.report("B", reporter={"role": "victim", "email": "SAM@example.org"}, description="A man on Telegram keeps messaging me threats about my religion every night since June, please help"),
    ], [{"A", "B"}]),
    ("a resubmission that repeats the first description after words of its own", lambda: [
        f.report("A", reporter={"role": "victim", "email": "sam@example.org"}, description="A man on Telegram keeps messaging me threats about my religion every night since June"),
        f.report("B", reporter={"role": "victim", "email": "sam@example.org"}, description="Sending again in case the first one did not go through. A man on Telegram keeps messaging me threats about my religion every night since June"),
    ], [{"A", "B"}]),
    ("same reporter, same words, no material, months apart: a repeat incident", lambda: [
        f.report("A", reporter={"role": "victim", "email": "sam@example.org"}, received_at="2026-02-18T19:47:50+00:00", description="I was abused online, telling me to go back to where I came from. I did not manage to save the messages."),
        f.report("B", reporter={"role": "victim", "email": "sam@example.org"}, received_at="2026-06-19T14:12:23+01:00", description="I was abused online, telling me to go back to where I came from. I did not manage to save the messages. It has really upset me."),
    ], [{"A"}, {"B"}]),
    ("same reporter, same words, no material, days apart: a resubmission", lambda: [
        f.report("A", reporter={"role": "victim", "email": "sam@example.org"}, received_at="2026-02-18T19:47:50+00:00", description="I was abused online, telling me to go back to where I came from. I did not manage to save the messages."),
        f.report("B", reporter={"role": "victim", "email": "sam@example.org"}, received_at="2026-02-24T09:00:00+00:00", description="Reporting again as I did not get a reference number. I was abused online, telling me to go back to where I came from. I did not manage to save the messages."),
    ], [{"A", "B"}]),
    ("a short description contained in another is not enough", lambda: [
        f.report("A", reporter={"role": "victim", "email": "sam@example.org"}, description="Abusive messages again"),
        f.report("B", reporter={"role": "victim", "email": "sam@example.org"}, description="Abusive messages again from a different person on TikTok about my disability and my family"),
    ], [{"A"}, {"B"}]),
    ("same reporter, a different incident", lambda: [
        f.report("A", reporter={"role": "victim", "email": "sam@example.org"}, description="A man on Telegram keeps messaging me threats about my religion every night since June"),
        f.report("B", reporter={"role": "victim", "email": "sam@example.org"}, description="Someone posted a video mocking my neighbour's disability on TikTok yesterday"),
    ], [{"A"}, {"B"}]),
    ("same reporter, same words, but different material", lambda: [
        f.report("A", reporter={"role": "victim", "email": "sam@example.org"}, description="Abusive post about me, please remove it", content=[f.post(TWEET)]),
        f.report("B", reporter={"role": "victim", "email": "sam@example.org"}, description="Abusive post about me, please remove it", content=[f.post(OTHER_TWEET, handle="x2")]),
    ], [{"A"}, {"B"}]),
    ("same reporter, same words, another poster named without a URL", lambda: [
        f.report("A", reporter={"role": "victim", "email": "sam@example.org"}, description="This post on X is being shared everywhere: racist abuse.", content=[f.post(TWEET)]),
        f.report("B", reporter={"role": "victim", "email": "sam@example.org"}, description="This post on X is being shared everywhere: racist abuse.", content=[f.post(None, handle="someone_else")]),
    ], [{"A"}, {"B"}]),
    ("same reporter, same words, material on another platform", lambda: [
        f.report("A", reporter={"role": "victim", "email": "sam@example.org"}, description="Lots of accounts are posting the same message at me: racist abuse.", content=[f.post(None, platform="YouTube", handle="proud free", kind="comment")]),
        f.report("B", reporter={"role": "victim", "email": "sam@example.org"}, description="Lots of accounts are posting the same message at me: racist abuse.", content=[f.post(None, platform="TikTok", kind="comment")]),
    ], [{"A"}, {"B"}]),
    ("a resubmission naming the poster the first report's URL names", lambda: [
        f.report("A", reporter={"role": "victim", "email": "sam@example.org"}, description="This post on X is being shared everywhere: racist abuse.", content=[f.post(TWEET)]),
        f.report("B", reporter={"role": "victim", "email": "sam@example.org"}, description="Second report, same as before. This post on X is being shared everywhere: racist abuse.", content=[f.post(None, handle="@Troll_One")]),
    ], [{"A", "B"}]),
    ("the same poster named again weeks later, no item in common: offered for review, not merged", lambda: [
        f.report("A", reporter={"role": "victim", "email": "sam@example.org"}, received_at="2026-03-02T10:00:00+00:00", description="This post on X is being shared everywhere: racist abuse.", content=[f.post(TWEET)]),
        f.report("B", reporter={"role": "victim", "email": "sam@example.org"}, received_at="2026-04-06T10:00:00+01:00", description="This post on X is being shared everywhere: racist abuse.", content=[f.post(None, handle="@troll_one")]),
    ], [{"A"}, {"B"}]),
    ("the same item by URL weeks later is one incident", lambda: [
        f.report("A", reporter={"role": "victim", "email": "sam@example.org"}, received_at="2026-03-02T10:00:00+00:00", description="This post on X is being shared everywhere: racist abuse.", content=[f.post(TWEET)]),
        f.report("B", reporter={"role": "victim", "email": "sam@example.org"}, received_at="2026-04-06T10:00:00+01:00", description="This post on X is being shared everywhere: racist abuse.", content=[f.post(TWEET_VARIANT)]),
    ], [{"A", "B"}]),
    ("a poster a later report names for an item does not part a resubmission", lambda: [
        f.report("E", reporter={"role": "victim", "email": "sam@example.org"}, description="This post on X is being shared everywhere: racist abuse.", content=[{"platform": "X", "url": NO_AUTHOR_TWEET}]),
        f.report("L", reporter={"role": "victim", "email": "sam@example.org"}, description="Second report, same as before. This post on X is being shared everywhere: racist abuse.", content=[f.post(None, handle="@troll_two")]),
        f.report("Z", content=[{"platform": "X", "url": NO_AUTHOR_TWEET, "author_handle": "someone_else"}]),
    ], [{"E", "L", "Z"}]),
    ("a post reported without its URL: same account, same time", lambda: [
        f.report("A", content=[f.post(TWEET, text=CAMPAIGN_TEXT, posted_at="2026-10-01T20:00:00+00:00")]),
        f.report("B", content=[f.post(None, handle="troll_one", text=CAMPAIGN_TEXT, posted_at="2026-10-01T21:01:00+01:00")]),
    ], [{"A", "B"}]),
    ("an account's profile is not its post of the same time", lambda: [
        f.report("A", content=[{"platform": "TikTok", "kind": "profile", "url": "https://www.tiktok.com/@clip_hater",
                                "posted_at": "2026-10-01T20:00:00+00:00"}]),
        f.report("B", content=[f.post(None, platform="TikTok", kind="video", handle="@clip_hater",
                                      posted_at="2026-10-01T20:00:30+00:00")]),
    ], [{"A"}, {"B"}]),
    ("an author named later lets an earlier report match material without a URL", lambda: [
        f.report("E", content=[{"platform": "X", "kind": "post", "url": NO_AUTHOR_TWEET,
                                "posted_at": "2026-10-01T20:00:00+00:00"}]),
        f.report("A", content=[f.post(None, handle="troll_one", posted_at="2026-10-01T20:00:30+00:00")]),
        f.report("N", content=[{"platform": "X", "kind": "post", "url": NO_AUTHOR_TWEET, "author_handle": "troll_one"}]),
    ], [{"E", "A", "N"}]),
    ("the account's post two minutes later is another post", lambda: [
        f.report("A", content=[f.post(TWEET, posted_at="2026-10-01T20:00:00+00:00")]),
        f.report("B", content=[f.post(None, handle="troll_one", posted_at="2026-10-01T20:02:00+00:00")]),
    ], [{"A"}, {"B"}]),
    ("same account, same words, a different time: separate posts", lambda: [
        f.report("A", content=[f.post(TWEET, text=CAMPAIGN_TEXT, posted_at="2026-10-01T20:00:00+00:00")]),
        f.report("B", content=[f.post(None, handle="troll_one", text=CAMPAIGN_TEXT, posted_at="2026-10-02T09:00:00+00:00")]),
    ], [{"A"}, {"B"}]),
    ("same account, same time, different words: separate posts", lambda: [
        f.report("A", content=[f.post(TWEET, text=CAMPAIGN_TEXT, posted_at="2026-10-01T20:00:00+00:00")]),
        f.report("B", content=[f.post(None, handle="troll_one", text="an entirely different message about someone else today", posted_at="2026-10-01T20:00:00+00:00")]),
    ], [{"A"}, {"B"}]),
    ("a message without a URL is only suggested", lambda: [
        f.report("A", **f.victim_reporter("Ana Silva", "ana@example.org"), content=[f.post(None, kind="direct_message", platform="Instagram", handle="hater_1", text="you people are vermin and I know where you live", posted_at="2026-10-01T20:00:00+00:00")]),
        f.report("B", **f.victim_reporter("Ana Silva", "ana@example.org"), content=[f.post(None, kind="direct_message", platform="Instagram", handle="hater_1", text="you people are vermin and i know where you live!", posted_at="2026-10-01T20:05:00+00:00")]),
    ], [{"A"}, {"B"}]),
]


def _scenario(name: str) -> list[dict]:
    return next(records for title, records, _ in SCENARIOS if title == name)()


def test_duplicate_link_records_rule_score_and_evidence(graph: GraphPort) -> None:
    _load(graph, f.report("A", content=[f.post(TWEET)]), f.report("B", content=[f.post(TWEET_VARIANT)]))
    [link] = _links(graph, "DUPLICATE_OF")
    assert (link["from"], link["to"], link["rule"], link["score"]) == ("B", "A", "same_content", 1.0)
    assert link["evidence"] == ["x:status:1111111111111111111"]


def test_copy_paste_is_linked_as_campaign_evidence(graph: GraphPort) -> None:
    _load(graph, *_scenario("copy-paste by different accounts is not a duplicate"))
    [group] = graph.read("testing/text_groups_overview")
    assert len(group["items"]) == 2
    assert not _links(graph, "DUPLICATE_OF")


def _without_author(item: dict) -> dict:
    return {key: value for key, value in item.items() if key != "author_handle"}


def test_copy_paste_group_grows_report_by_report_as_the_batch_would_build_it(graph: GraphPort) -> None:
    """Online, a text that has its group is joined without re-reading the group; the result is the batch's."""
    text = dict(text=CAMPAIGN_TEXT)
    _load(
        graph,
        f.report("A", content=[f.post("https://x.com/acct_one/status/5000000000000000001", handle="@acct_one", **text)]),
        f.report("B", content=[f.post("https://x.com/acct_two/status/5000000000000000002", handle="@acct_two", **text)]),
        f.report("C", content=[f.post("https://x.com/acct_one/status/5000000000000000003", handle="@acct_one", **text)]),
        f.report("D", content=[f.post("https://x.com/acct_three/status/5000000000000000004", handle="@acct_three", **text)]),
        f.report("E", content=[_without_author(f.post("https://x.com/i/status/5000000000000000005", **text))]),
    )
    [online] = graph.read("testing/text_groups_overview")
    assert online["accounts"] == 3
    assert len(online["items"]) == 4  # A to D; E names no author, so it is no one's copy of the words
    recompute(graph)
    [batch] = graph.read("testing/text_groups_overview")
    assert (batch["accounts"], sorted(batch["items"])) == (online["accounts"], sorted(online["items"]))


def test_course_of_conduct_links_cases_not_merges(graph: GraphPort) -> None:
    victim = f.victim_reporter("Ana Silva", "ana@example.org")
    _load(
        graph,
        f.report("A", **victim, content=[f.post(TWEET)]),
        f.report("B", **victim, content=[f.post("https://x.com/troll_one/status/1111111111111111999")]),
    )
    assert _groups(graph) == {frozenset({"A"}), frozenset({"B"})}
    [series] = _links(graph, "LINKED_SERIES")
    assert series["rule"] == "course_of_conduct" and series["score"] == 2.0
    assert series["evidence"] == ["x:troll_one", "email:ana@example.org"]


def test_message_suggestion_carries_score_and_evidence(graph: GraphPort) -> None:
    _load(graph, *_scenario("a message without a URL is only suggested"))
    [suggestion] = _links(graph, "POSSIBLE_DUPLICATE")
    assert suggestion["rule"] == "dm_match" and suggestion["score"] >= 0.5
    assert suggestion["from"] == "B" and suggestion["to"] == "A"
    assert suggestion["evidence"]



@pytest.mark.parametrize("path", ["online", "batch"])
def test_late_resubmission_without_shared_item_is_offered_for_review(graph: GraphPort, path: str) -> None:
    _load(graph, *_scenario("the same poster named again weeks later, no item in common: offered for review, not merged"))
    if path == "batch":
        recompute(graph)
    [suggestion] = _links(graph, "POSSIBLE_DUPLICATE")
    assert (suggestion["from"], suggestion["to"], suggestion["rule"]) == ("B", "A", "resubmission")
    assert "no item in common, and more than 14 days apart: for review" in suggestion["evidence"]
    assert _links(graph, "DUPLICATE_OF") == []


VIDEO = "https://www.tiktok.com/@clip_hater/video/7433001234567890123"
OTHER_VIDEO = "https://www.tiktok.com/@clip_hater/video/7433001234567890999"
BARE_VIDEO = dict(platform="TikTok", kind="video", handle="@clip_hater")
FB_POST = "https://www.facebook.com/amira.gill.8124/posts/75416442747929045"  # intake takes no poster from it
ON_FACEBOOK = dict(platform="Facebook", kind="post")
YT_VIDEO = "https://www.youtube.com/watch?v=G6D0MTx3_pY"  # names no account
ON_YOUTUBE = dict(platform="YouTube", kind="video")
INSULT = "go back to where you came from"
ANA = [{"name": "Ana Silva", "email": "ana@example.org"}]

# Material without a URL or time, and what the account had reported before it: (records, expected cases).
POST_MATCHES: list[tuple[str, Callable[[], list[dict]], list[set[str]]]] = [
    ("the only video of the account reported before it is the one", lambda: [
        f.report("A", content=[f.post(VIDEO, kind="video", platform="TikTok", handle="clip_hater")]),
        f.report("B", content=[f.post(None, **BARE_VIDEO)]),
    ], [{"A", "B"}]),
    ("the video reported after it, the account's only one, is the one", lambda: [
        f.report("B", content=[f.post(None, **BARE_VIDEO)]),
        f.report("A", content=[f.post(VIDEO, kind="video", platform="TikTok", handle="clip_hater")]),
    ], [{"A", "B"}]),
    ("two videos of the account reported before it: neither is taken", lambda: [
        f.report("A", content=[f.post(VIDEO, kind="video", platform="TikTok", handle="clip_hater")]),
        f.report("C", content=[f.post(OTHER_VIDEO, kind="video", platform="TikTok", handle="clip_hater")]),
        f.report("B", content=[f.post(None, **BARE_VIDEO)]),
    ], [{"A"}, {"C"}, {"B"}]),
    ("two videos of the account in one report before it: neither is taken", lambda: [
        f.report("A", content=[f.post(VIDEO, kind="video", platform="TikTok", handle="clip_hater"),
                               f.post(OTHER_VIDEO, kind="video", platform="TikTok", handle="clip_hater")]),
        f.report("B", content=[f.post(None, **BARE_VIDEO)]),
    ], [{"A"}, {"B"}]),
    ("an X status named only by its URL fits a reply of the account", lambda: [
        f.report("A", content=[{"platform": "X", "url": "https://x.com/clip_hater/status/7433001234567890123"}]),
        f.report("B", content=[f.post(None, platform="X", kind="reply", handle="@clip_hater")]),
    ], [{"A", "B"}]),
    ("material whose kind the report does not give is the account's only item reported before it", lambda: [
        f.report("A", content=[f.post(VIDEO, kind="video", platform="TikTok", handle="clip_hater")]),
        f.report("B", content=[{"platform": "TikTok", "author_handle": "@clip_hater"}]),
    ], [{"A", "B"}]),
    ("material of a kind not given, after a video and a comment of the account: neither is taken", lambda: [
        f.report("A", content=[f.post(VIDEO, kind="video", platform="TikTok", handle="clip_hater")]),
        f.report("C", content=[f.post(None, platform="TikTok", kind="comment", handle="@clip_hater",
                                      posted_at="2026-10-01T07:00:00+00:00")]),
        f.report("B", content=[f.post(None, platform="TikTok", handle="@clip_hater", kind="other")]),
    ], [{"A"}, {"C"}, {"B"}]),
    ("a comment is not a video", lambda: [
        f.report("A", content=[f.post(VIDEO, kind="video", platform="TikTok", handle="clip_hater")]),
        f.report("B", content=[f.post(None, platform="TikTok", kind="comment", handle="@clip_hater")]),
    ], [{"A"}, {"B"}]),
    ("a video reported three days later is not taken", lambda: [
        f.report("A", received_at="2026-10-01T10:00:00+00:00",
                 content=[f.post(VIDEO, kind="video", platform="TikTok", handle="clip_hater")]),
        f.report("B", received_at="2026-10-04T10:00:00+00:00", content=[f.post(None, **BARE_VIDEO)]),
    ], [{"A"}, {"B"}]),
    ("a video posted at another time is not taken", lambda: [
        f.report("A", content=[f.post(VIDEO, kind="video", platform="TikTok", handle="clip_hater",
                                      posted_at="2026-10-01T08:00:00+00:00")]),
        f.report("B", content=[f.post(None, **BARE_VIDEO, posted_at="2026-10-01T09:30:00+00:00")]),
    ], [{"A"}, {"B"}]),
    ("a video at another victim is not taken", lambda: [
        f.report("A", victims=[{"name": "Ana Silva", "email": "ana@example.org"}],
                 content=[f.post(VIDEO, kind="video", platform="TikTok", handle="clip_hater")]),
        f.report("B", victims=[{"name": "Bo Jones", "email": "bo@example.org"}], content=[f.post(None, **BARE_VIDEO)]),
    ], [{"A"}, {"B"}]),
    ("the victim reporting herself and the victim a witness names are one victim", lambda: [
        f.report("A", **f.victim_reporter("Ana Silva", "ana@example.org"),
                 content=[f.post(VIDEO, kind="video", platform="TikTok", handle="clip_hater")]),
        f.report("B", victims=[{"name": "ana  SILVA"}], content=[f.post(None, **BARE_VIDEO)]),
    ], [{"A", "B"}]),
    ("reporters naming the victim differently do not make the account's one video two", lambda: [
        f.report("A", victims=[{"name": "Ana Silva"}],
                 content=[f.post(VIDEO, kind="video", platform="TikTok", handle="clip_hater")]),
        f.report("C", victims=[{"name": "Annie S"}], content=[f.post(None, **BARE_VIDEO)]),
        f.report("B", content=[f.post(None, **BARE_VIDEO)]),
    ], [{"A", "B", "C"}]),
    ("words a later report adds to the video do not undo the match", lambda: [
        f.report("A", content=[f.post(VIDEO, kind="video", platform="TikTok", handle="clip_hater")]),
        f.report("B", content=[f.post(None, **BARE_VIDEO, text="you lot are vermin and worse")]),
        f.report("C", content=[f.post(VIDEO, kind="video", platform="TikTok", handle="clip_hater", text="go back home now you lot")]),
    ], [{"A", "B", "C"}]),
    ("a video whose poster is the report's one suspect on the platform is the one", lambda: [
        f.report("A", content=[f.post(VIDEO, kind="video", platform="TikTok", handle="clip_hater")]),
        f.report("B", content=[{"platform": "TikTok", "kind": "video"}],
                 suspects=[{"platform": "TikTok", "handle": "@Clip_Hater"}]),
    ], [{"A", "B"}]),
    ("a video without a poster, in a report naming two suspects on the platform, is not taken", lambda: [
        f.report("A", content=[f.post(VIDEO, kind="video", platform="TikTok", handle="clip_hater")]),
        f.report("B", content=[{"platform": "TikTok", "kind": "video"}],
                 suspects=[{"platform": "TikTok", "handle": "@clip_hater"}, {"platform": "TikTok", "handle": "@mate"}]),
    ], [{"A"}, {"B"}]),
    ("a video reported for another kind of hate is not taken", lambda: [
        f.report("A", targeted_characteristics=["religion"],
                 content=[f.post(VIDEO, kind="video", platform="TikTok", handle="clip_hater")]),
        f.report("B", targeted_characteristics=["disability"], content=[f.post(None, **BARE_VIDEO)]),
    ], [{"A"}, {"B"}]),
    ("of two videos of the account, the one agreeing with it in words and victim is the one", lambda: [
        f.report("A", victims=ANA, content=[f.post(VIDEO, kind="video", platform="TikTok", handle="clip_hater",
                                                   text=INSULT)]),
        f.report("C", content=[f.post(OTHER_VIDEO, kind="video", platform="TikTok", handle="clip_hater")]),
        f.report("B", victims=ANA, content=[f.post(None, **BARE_VIDEO, text=INSULT)]),
    ], [{"A", "B"}, {"C"}]),
    ("of two videos of the account, one agreeing in words and one in victim: neither is taken", lambda: [
        f.report("A", content=[f.post(VIDEO, kind="video", platform="TikTok", handle="clip_hater", text=INSULT)]),
        f.report("C", victims=ANA, content=[f.post(OTHER_VIDEO, kind="video", platform="TikTok", handle="clip_hater")]),
        f.report("B", victims=ANA, content=[f.post(None, **BARE_VIDEO, text=INSULT)]),
    ], [{"A"}, {"C"}, {"B"}]),
    ("material taken for the account's only video of the time is not also taken for a later one agreeing more", lambda: [
        f.report("C", content=[f.post(OTHER_VIDEO, kind="video", platform="TikTok", handle="clip_hater")]),
        f.report("B", victims=ANA, content=[f.post(None, **BARE_VIDEO, text=INSULT)]),
        f.report("A", victims=ANA, content=[f.post(VIDEO, kind="video", platform="TikTok", handle="clip_hater",
                                                   text=INSULT)]),
    ], [{"B", "C"}, {"A"}]),
    ("a video whose poster an earlier report named, given without its poster in the window, is the one", lambda: [
        f.report("A", received_at="2026-10-01T10:00:00+00:00", content=[f.post(YT_VIDEO, **ON_YOUTUBE, handle="@rhys_h")]),
        f.report("C", received_at="2026-10-03T20:00:00+00:00", content=[{"url": YT_VIDEO, **ON_YOUTUBE}]),
        f.report("B", received_at="2026-10-04T12:00:00+00:00", content=[f.post(None, **ON_YOUTUBE, handle="@rhys_h")]),
    ], [{"A", "B", "C"}]),
    ("a post whose poster one report names by a display name and another by the username is the one", lambda: [
        f.report("A", received_at="2026-10-01T10:00:00+00:00", content=[f.post(FB_POST, **ON_FACEBOOK, handle="AG")]),
        f.report("C", received_at="2026-10-03T20:00:00+00:00",
                 content=[f.post(FB_POST, **ON_FACEBOOK, handle="amira.gill.8124")]),
        f.report("B", received_at="2026-10-04T12:00:00+00:00", content=[f.post(None, **ON_FACEBOOK, handle="AG")]),
    ], [{"A", "B", "C"}]),
    ("a poster first named after the later of two reports does not tie them", lambda: [
        f.report("C", received_at="2026-10-01T10:00:00+00:00", content=[{"url": YT_VIDEO, **ON_YOUTUBE}]),
        f.report("B", received_at="2026-10-01T20:00:00+00:00", content=[f.post(None, **ON_YOUTUBE, handle="@rhys_h")]),
        f.report("A", received_at="2026-10-05T10:00:00+00:00", content=[f.post(YT_VIDEO, **ON_YOUTUBE, handle="@rhys_h")]),
    ], [{"A", "C"}, {"B"}]),
]


def test_a_match_with_the_accounts_only_post_says_why(graph: GraphPort) -> None:
    _load(graph, *next(records for title, records, _ in POST_MATCHES if title.startswith("the only video"))())
    [link] = _links(graph, "DUPLICATE_OF")
    assert (link["from"], link["to"], link["rule"], link["score"]) == ("B", "A", "same_account_post", 0.7)
    assert "same account tiktok:clip_hater" in link["evidence"]
    assert "a video without a URL" in link["evidence"]
    assert any(reason.startswith("the only item of this account that fits") for reason in link["evidence"])


def test_a_match_of_material_whose_kind_is_not_given_says_so_and_scores_lower(graph: GraphPort) -> None:
    _load(graph, *next(records for title, records, _ in POST_MATCHES if title.startswith("material whose kind"))())
    [link] = _links(graph, "DUPLICATE_OF")
    assert (link["from"], link["to"], link["rule"], link["score"]) == ("B", "A", "same_account_post", 0.6)
    assert "material without a URL, its kind not given" in link["evidence"]


def test_a_match_with_the_post_agreeing_most_says_in_what(graph: GraphPort) -> None:
    _load(graph, *next(records for title, records, _ in POST_MATCHES if title.startswith("of two videos of the account, the one"))())
    [link] = [link for link in _links(graph, "DUPLICATE_OF") if link["from"] == "B"]
    assert (link["to"], link["rule"], link["score"]) == ("A", "same_account_post", 0.7)
    assert link["evidence"][-1] == ("of the items of this account that fit, of those reported in the 48 h before, "
                                    "the one agreeing with it most: the words, a victim, the kind")


AT_1403 = "2026-10-01T14:03:20+00:00"  # as a platform gives it, to the second
AT_1403_AS_GIVEN = "2026-10-01T15:03:00+01:00"  # as a reporter gives it: the minute, in UK time
TIMED_VIDEO = dict(platform="TikTok", kind="video", posted_at=AT_1403_AS_GIVEN)  # without a URL or poster


# Material without a URL or poster, given with the minute it was posted: (records, expected cases).
TIME_MATCHES: list[tuple[str, Callable[[], list[dict]], list[set[str]]]] = [
    ("the one video of the platform posted in that minute is the one", lambda: [
        f.report("A", content=[f.post(VIDEO, kind="video", platform="TikTok", handle="clip_hater", posted_at=AT_1403)]),
        f.report("B", content=[dict(TIMED_VIDEO)]),
    ], [{"A", "B"}]),
    ("the video reported after it, posted in that minute, is the one", lambda: [
        f.report("B", content=[dict(TIMED_VIDEO)]),
        f.report("A", content=[f.post(VIDEO, kind="video", platform="TikTok", handle="clip_hater", posted_at=AT_1403)]),
    ], [{"A", "B"}]),
    ("a video named by its poster alone, posted in that minute, is the one", lambda: [
        f.report("A", content=[f.post(None, kind="video", platform="TikTok", handle="clip_hater", posted_at=AT_1403)]),
        f.report("B", content=[dict(TIMED_VIDEO)]),
    ], [{"A", "B"}]),
    ("two videos of the platform posted in that minute: neither is taken", lambda: [
        f.report("A", content=[f.post(VIDEO, kind="video", platform="TikTok", handle="clip_hater", posted_at=AT_1403)]),
        f.report("C", content=[f.post("https://www.tiktok.com/@other_one/video/7433001234567890555", kind="video",
                                      platform="TikTok", handle="other_one", posted_at="2026-10-01T14:03:50+00:00")]),
        f.report("B", content=[dict(TIMED_VIDEO)]),
    ], [{"A"}, {"C"}, {"B"}]),
    ("a video and another account's post named by poster alone in that minute: neither is taken", lambda: [
        f.report("A", content=[f.post(VIDEO, kind="video", platform="TikTok", handle="clip_hater", posted_at=AT_1403)]),
        f.report("C", content=[f.post(None, kind="video", platform="TikTok", handle="other_one", posted_at=AT_1403)]),
        f.report("B", content=[dict(TIMED_VIDEO)]),
    ], [{"A"}, {"C"}, {"B"}]),
    ("a video posted two minutes before is not taken", lambda: [
        f.report("A", content=[f.post(VIDEO, kind="video", platform="TikTok", handle="clip_hater",
                                      posted_at="2026-10-01T14:01:00+00:00")]),
        f.report("B", content=[dict(TIMED_VIDEO)]),
    ], [{"A"}, {"B"}]),
    ("a post of that minute on another platform is not taken", lambda: [
        f.report("A", content=[f.post(TWEET, posted_at=AT_1403)]),
        f.report("B", content=[dict(TIMED_VIDEO)]),
    ], [{"A"}, {"B"}]),
    ("a comment of that minute is not a video", lambda: [
        f.report("A", content=[f.post(None, kind="comment", platform="TikTok", handle="clip_hater", posted_at=AT_1403)]),
        f.report("B", content=[dict(TIMED_VIDEO)]),
    ], [{"A"}, {"B"}]),
    ("a video of that minute in other words is not taken", lambda: [
        f.report("A", content=[f.post(VIDEO, kind="video", platform="TikTok", handle="clip_hater", posted_at=AT_1403,
                                      text="you lot are vermin and worse")]),
        f.report("B", content=[dict(TIMED_VIDEO, text="go back home now you lot")]),
    ], [{"A"}, {"B"}]),
    ("a video of that minute reported three days before is not taken", lambda: [
        f.report("A", received_at="2026-10-01T16:00:00+00:00",
                 content=[f.post(VIDEO, kind="video", platform="TikTok", handle="clip_hater", posted_at=AT_1403)]),
        f.report("B", received_at="2026-10-04T16:00:00+00:00", content=[dict(TIMED_VIDEO)]),
    ], [{"A"}, {"B"}]),
    ("two mentions naming neither URL nor poster are not tied by their minute alone", lambda: [
        f.report("A", content=[dict(TIMED_VIDEO)]),
        f.report("B", content=[dict(TIMED_VIDEO)]),
    ], [{"A"}, {"B"}]),
    ("a post of that minute whose poster reporters name by a display name and by the username is one item", lambda: [
        f.report("A", content=[f.post(FB_POST, **ON_FACEBOOK, handle="AG", posted_at=AT_1403)]),
        f.report("C", content=[f.post(FB_POST, **ON_FACEBOOK, handle="amira.gill.8124", posted_at=AT_1403)]),
        f.report("B", content=[dict(ON_FACEBOOK, posted_at=AT_1403_AS_GIVEN)]),
    ], [{"A", "B", "C"}]),
    ("a message of that minute is left to message matching", lambda: [
        f.report("A", content=[f.post(None, kind="direct_message", platform="TikTok", handle="clip_hater",
                                      posted_at=AT_1403)]),
        f.report("B", content=[dict(platform="TikTok", kind="direct_message", posted_at=AT_1403_AS_GIVEN)]),
    ], [{"A"}, {"B"}]),
]


def test_a_match_by_posting_time_says_why(graph: GraphPort) -> None:
    _load(graph, *next(records for title, records, _ in TIME_MATCHES if title.startswith("the one video"))())
    [link] = _links(graph, "DUPLICATE_OF")
    assert (link["from"], link["to"], link["rule"], link["score"]) == ("B", "A", "same_posting_time", 0.6)
    assert "material on tiktok without a URL or poster, posted at 2026-10-01 14:03 UTC" in link["evidence"]
    assert "the item tiktok:post:7433001234567890123 given as posted at 2026-10-01 14:03 UTC" in link["evidence"]
    assert any(reason.startswith("the only item of the platform posted within the minute") for reason in link["evidence"])


@pytest.mark.parametrize("path", ["online", "batch"])
def test_material_its_own_report_lists_apart_from_the_item_of_that_minute_is_not_that_item(
        graph: GraphPort, path: str) -> None:
    post = {"platform": "X", "kind": "post", "url": NO_AUTHOR_TWEET, "posted_at": AT_1403}
    _load(graph, f.report("A", content=[post]),
          f.report("B", content=[post, dict(platform="X", kind="post", posted_at=AT_1403_AS_GIVEN)]))
    if path == "batch":
        recompute(graph)
    assert [link["rule"] for link in _links(graph, "DUPLICATE_OF")] == ["same_content"]


BARE_VIDEO_ON_TIKTOK = dict(platform="TikTok", kind="video")  # without a URL, poster or time
ANAS_VIDEO = f.post(VIDEO, kind="video", platform="TikTok", handle="clip_hater")

# Material without a URL, poster or time, in a report naming its victim: (records, expected cases).
VICTIM_MATCHES: list[tuple[str, Callable[[], list[dict]], list[set[str]]]] = [
    ("the only video about the victim on the platform reported before it is the one", lambda: [
        f.report("A", victims=ANA, content=[ANAS_VIDEO]),
        f.report("B", victims=ANA, content=[dict(BARE_VIDEO_ON_TIKTOK)]),
    ], [{"A", "B"}]),
    ("the video about the victim reported after it is the one", lambda: [
        f.report("B", victims=ANA, content=[dict(BARE_VIDEO_ON_TIKTOK)]),
        f.report("A", victims=ANA, content=[ANAS_VIDEO]),
    ], [{"A", "B"}]),
    ("the victim's own report is matched to a witness's naming her by e-mail", lambda: [
        f.report("A", victims=ANA, content=[ANAS_VIDEO]),
        f.report("B", **f.victim_reporter("Ana Silva", "ana@example.org"), content=[dict(BARE_VIDEO_ON_TIKTOK)]),
    ], [{"A", "B"}]),
    ("two videos about the victim on the platform before it: neither is taken", lambda: [
        f.report("A", victims=ANA, content=[ANAS_VIDEO]),
        f.report("C", victims=ANA, content=[f.post(OTHER_VIDEO, kind="video", platform="TikTok", handle="clip_hater")]),
        f.report("B", victims=ANA, content=[dict(BARE_VIDEO_ON_TIKTOK)]),
    ], [{"A"}, {"C"}, {"B"}]),
    ("a video about another victim is not taken", lambda: [
        f.report("A", victims=[{"name": "Bo Jones", "email": "bo@example.org"}], content=[ANAS_VIDEO]),
        f.report("B", victims=ANA, content=[dict(BARE_VIDEO_ON_TIKTOK)]),
    ], [{"A"}, {"B"}]),
    ("a post about the victim on another platform is not taken", lambda: [
        f.report("A", victims=ANA, content=[f.post(TWEET)]),
        f.report("B", victims=ANA, content=[dict(BARE_VIDEO_ON_TIKTOK)]),
    ], [{"A"}, {"B"}]),
    ("a comment about the victim is not a video", lambda: [
        f.report("A", victims=ANA, content=[f.post(None, kind="comment", platform="TikTok", handle="clip_hater")]),
        f.report("B", victims=ANA, content=[dict(BARE_VIDEO_ON_TIKTOK)]),
    ], [{"A"}, {"B"}]),
    ("a video about the victim reported three days before is not taken", lambda: [
        f.report("A", victims=ANA, received_at="2026-10-01T10:00:00+00:00", content=[ANAS_VIDEO]),
        f.report("B", victims=ANA, received_at="2026-10-04T10:00:00+00:00", content=[dict(BARE_VIDEO_ON_TIKTOK)]),
    ], [{"A"}, {"B"}]),
    ("reports are found by the victim's key alone: her e-mail does not find a witness naming her", lambda: [
        f.report("A", **f.victim_reporter("Ana Silva", "ana@example.org"), content=[ANAS_VIDEO]),
        f.report("B", victims=[{"name": "Ana Silva"}], content=[dict(BARE_VIDEO_ON_TIKTOK)]),
    ], [{"A"}, {"B"}]),
    ("material in a report naming no victim is not matched by the platform alone", lambda: [
        f.report("A", content=[ANAS_VIDEO]),
        f.report("B", content=[dict(BARE_VIDEO_ON_TIKTOK)]),
    ], [{"A"}, {"B"}]),
    ("two mentions naming neither URL nor poster are not tied by their victim alone", lambda: [
        f.report("A", victims=ANA, content=[dict(BARE_VIDEO_ON_TIKTOK)]),
        f.report("B", victims=ANA, content=[dict(BARE_VIDEO_ON_TIKTOK)]),
    ], [{"A"}, {"B"}]),
]


def test_a_match_by_victim_says_why_without_naming_the_victim(graph: GraphPort) -> None:
    _load(graph, *next(records for title, records, _ in VICTIM_MATCHES if title.startswith("the only video"))())
    [link] = _links(graph, "DUPLICATE_OF")
    assert (link["from"], link["to"], link["rule"], link["score"]) == ("B", "A", "same_victim_post", 0.5)
    assert "the item tiktok:post:7433001234567890123, in a report naming the same victim" in link["evidence"]
    assert not any("ana" in reason.lower() for reason in link["evidence"])


def _profile(handle: str, platform: str = "TikTok", url: str | None = None) -> dict:
    item = {"platform": platform, "kind": "profile"}
    return item | ({"author_handle": handle} if handle else {}) | ({"url": url} if url else {})


# A profile given by its handle, without its URL, is the profile at that handle's address: (records, cases).
PROFILE_MATCHES: list[tuple[str, Callable[[], list[dict]], list[set[str]]]] = [
    ("a profile named by its handle is the profile at its address", lambda: [
        f.report("A", content=[_profile("clip_hater", url="https://www.tiktok.com/@clip_hater")]),
        f.report("B", content=[_profile("@Clip_Hater")]),
    ], [{"A", "B"}]),
    ("the profile's address reported later joins the reports naming its handle", lambda: [
        f.report("B", received_at="2026-03-02T10:00:00+00:00", content=[_profile("@clip_hater")]),
        f.report("C", received_at="2026-06-02T10:00:00+01:00", content=[_profile("clip_hater")]),
        f.report("A", received_at="2026-09-02T10:00:00+01:00",
                 content=[_profile("", url="https://tiktok.com/@Clip_Hater?lang=en")]),
    ], [{"A", "B", "C"}]),
    ("another handle's profile is another profile", lambda: [
        f.report("A", content=[_profile("clip_hater", url="https://www.tiktok.com/@clip_hater")]),
        f.report("B", content=[_profile("@clip_hater2")]),
    ], [{"A"}, {"B"}]),
    ("the same handle on another platform is another profile", lambda: [
        f.report("A", content=[_profile("clip_hater", url="https://www.tiktok.com/@clip_hater")]),
        f.report("B", content=[_profile("@clip_hater", platform="Instagram")]),
    ], [{"A"}, {"B"}]),
    ("a Facebook username is the profile at its address", lambda: [
        f.report("A", content=[_profile("", platform="Facebook", url="https://www.facebook.com/gary.pike.1234")]),
        f.report("B", content=[_profile("Gary.Pike.1234", platform="Facebook")]),
    ], [{"A", "B"}]),
    ("a Facebook display name names no one profile", lambda: [
        f.report("A", content=[_profile("Gary Pike", platform="Facebook")]),
        f.report("B", content=[_profile("Gary Pike", platform="Facebook")]),
    ], [{"A"}, {"B"}]),
    ("a YouTube handle typed with its @ is the channel at its address", lambda: [
        f.report("A", content=[_profile("", platform="YouTube", url="https://www.youtube.com/@banter_memes")]),
        f.report("B", content=[_profile("@Banter_Memes", platform="YouTube")]),
    ], [{"A", "B"}]),
    ("a YouTube name typed without @ may be a display name, and names no one channel", lambda: [
        f.report("A", content=[_profile("", platform="YouTube", url="https://www.youtube.com/@bantermemes")]),
        f.report("B", content=[_profile("bantermemes", platform="YouTube")]),
    ], [{"A"}, {"B"}]),
    ("a post by the handle is not its profile", lambda: [
        f.report("A", content=[_profile("clip_hater", url="https://www.tiktok.com/@clip_hater")]),
        f.report("B", content=[f.post(None, platform="TikTok", kind="video", handle="@clip_hater")]),
    ], [{"A"}, {"B"}]),
]


def test_a_profile_named_by_its_handle_records_where_its_address_came_from(graph: GraphPort) -> None:
    _load(graph, *next(records for title, records, _ in PROFILE_MATCHES if title.startswith("a profile named"))())
    [link] = _links(graph, "DUPLICATE_OF")
    assert (link["from"], link["to"], link["rule"]) == ("B", "A", "same_content")
    found = {ref: graph.read("testing/content_for_report", id=f"public_web_form:{ref}")[0] for ref in "AB"}
    assert {ref: (row["key"], row["url_from"]) for ref, row in found.items()} == {
        "A": ("tiktok:profile:clip_hater", None), "B": ("tiktok:profile:clip_hater", "handle")}


# Every table: each rule's scenarios, through intake (online) and through `hub dedupe` (batch).
ALL_SCENARIOS = [*SCENARIOS, *POST_MATCHES, *TIME_MATCHES, *VICTIM_MATCHES, *PROFILE_MATCHES]


@pytest.mark.parametrize(("name", "records", "expected"), ALL_SCENARIOS, ids=[s[0] for s in ALL_SCENARIOS])
@pytest.mark.parametrize("path", ["online", "batch"])
def test_rule(graph: GraphPort, name: str, records: Callable[[], list[dict]], expected: list[set[str]], path: str) -> None:
    _load(graph, *records())
    if path == "batch":
        recompute(graph)
    assert _groups(graph) == {frozenset(group) for group in expected}
