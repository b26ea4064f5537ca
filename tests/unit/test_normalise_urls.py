"""Canonical content keys: every way a reporter pastes a URL gives the key of the content it shows."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from loaders.normalise import CanonicalContent, canonical_content, profile_of_handle

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "reports.sample.jsonl"
STATUS = "1852003311440001234"
VIDEO = "dQw4w9WgXcQ"
CHANNEL_ID = "UC_x5XG1OV2P6uZZ5FSM9Ttw"

SAME_KEY_CASES = [
    # X / Twitter statuses: only the numeric id matters.
    (f"https://x.com/n0rth_patriot88/status/{STATUS}?s=20&t=ab12", f"x:status:{STATUS}"),
    (f"http://mobile.twitter.com/N0rth_Patriot88/status/{STATUS}/", f"x:status:{STATUS}"),
    (f"https://x.com/user/status/{STATUS}?s=20&t=ab", f"x:status:{STATUS}"),
    (f"twitter.com/user/statuses/{STATUS}", f"x:status:{STATUS}"),
    (f"https://x.com/i/web/status/{STATUS}", f"x:status:{STATUS}"),
    (f"https://x.com/i/status/{STATUS}", f"x:status:{STATUS}"),
    (f"https://x.com/user/status/{STATUS}/photo/1", f"x:status:{STATUS}"),
    (f"https://twitter.com/user/status/{STATUS}/video/1", f"x:status:{STATUS}"),
    (f"https://x.com/user/status/{STATUS}/analytics", f"x:status:{STATUS}"),
    (f"https://x.com/user/status/{STATUS}/likes", f"x:status:{STATUS}"),
    (f"https://www.twitter.com/OtherName/status/{STATUS}#reply", f"x:status:{STATUS}"),
    (f"x.com/user/status/{STATUS}?ref_src=twsrc%5Etfw", f"x:status:{STATUS}"),
    (f"https://twitter.com/#!/user/status/{STATUS}", f"x:status:{STATUS}"),
    (f"  <https://X.COM/user/status/{STATUS}>  ", f"x:status:{STATUS}"),
    (f"https://x.com/User/Status/{STATUS}", f"x:status:{STATUS}"),
    ("https://x.com/User", "x:profile:user"),
    ("https://twitter.com/user/", "x:profile:user"),
    ("mobile.twitter.com/USER/with_replies", "x:profile:user"),
    ("https://x.com/N0rth_Patriot88/media?s=09", "x:profile:n0rth_patriot88"),
    ("https://x.com/messages/1234-5678", "x:dm_thread:1234-5678"),
    # Facebook posts, comments, videos, photos, share links, groups and profiles.
    ("https://www.facebook.com/groups/4471002/posts/99120031/?mibextid=Nif5oz", "facebook:post:99120031"),
    ("https://m.facebook.com/groups/4471002/posts/99120031/", "facebook:post:99120031"),
    ("https://web.facebook.com/groups/4471002/permalink/99120031/", "facebook:post:99120031"),
    ("https://www.facebook.com/groups/4471002/?multi_permalinks=99120031", "facebook:post:99120031"),
    ("https://www.facebook.com/permalink.php?story_fbid=99120031&id=4471002", "facebook:post:99120031"),
    ("https://mbasic.facebook.com/story.php?story_fbid=99120031&id=4471002&refid=8", "facebook:post:99120031"),
    ("fb.com/permalink.php?id=4471002&story_fbid=99120031", "facebook:post:99120031"),
    ("https://www.facebook.com/Some.Name/posts/1234567890", "facebook:post:1234567890"),
    ("https://www.facebook.com/some.name/posts/pfbid02AbCdEf?__cft__[0]=x", "facebook:post:pfbid02AbCdEf"),
    ("https://www.facebook.com/story.php?story_fbid=pfbid02AbCdEf&id=100012345", "facebook:post:pfbid02AbCdEf"),
    ("https://www.facebook.com/permalink.php?story_fbid=99120031", "facebook:post:99120031"),
    ("https://www.facebook.com/groups/LeedsChat/posts/555/", "facebook:post:555"),
    (
        "https://www.facebook.com/groups/4471002/posts/99120031/?comment_id=777&__tn__=R",
        "facebook:comment:99120031_777",
    ),
    ("https://www.facebook.com/photo.php?fbid=10158000111", "facebook:photo:10158000111"),
    ("https://www.facebook.com/photo/?fbid=10158000111&set=a.123", "facebook:photo:10158000111"),
    ("https://www.facebook.com/some.name/photos/a.123/10158000111/", "facebook:photo:10158000111"),
    ("https://www.facebook.com/watch/?v=8812345678", "facebook:video:8812345678"),
    ("https://www.facebook.com/watch/live/?v=8812345678&ref=watch_permalink", "facebook:video:8812345678"),
    ("https://www.facebook.com/reel/8812345678?mibextid=rS40aB", "facebook:video:8812345678"),
    ("https://www.facebook.com/some.page/videos/8812345678/", "facebook:video:8812345678"),
    ("https://fb.watch/oAbC12_xY/", "facebook:short:oAbC12_xY"),
    ("https://www.facebook.com/share/p/1AbCdEfGh/", "facebook:share:1AbCdEfGh"),
    ("https://www.facebook.com/share/v/1AbCdEfGh/?mibextid=oFDknk", "facebook:share:1AbCdEfGh"),
    ("https://www.facebook.com/messages/t/100012345/", "facebook:dm_thread:100012345"),
    ("https://www.facebook.com/groups/4471002/", "facebook:group:4471002"),
    ("https://www.facebook.com/profile.php?id=100012345&sk=about", "facebook:profile:100012345"),
    ("https://www.facebook.com/100012345", "facebook:profile:100012345"),
    ("https://www.facebook.com/people/Gary-Pike/100012345/", "facebook:profile:100012345"),
    ("https://www.facebook.com/gary.pike.5811", "facebook:profile:gary.pike.5811"),
    ("https://m.facebook.com/Gary.Pike.5811/?fbclid=IwAR0", "facebook:profile:gary.pike.5811"),
    ("https://www.facebook.com/some.name/about", "facebook:profile:some.name"),
    # Instagram: posts, reels and IGTV share one case-sensitive shortcode space.
    ("https://www.instagram.com/p/C9xYz12AbCd/", "instagram:post:C9xYz12AbCd"),
    ("https://instagram.com/p/C9xYz12AbCd?igsh=MTc4MmM1YmI2Ng==", "instagram:post:C9xYz12AbCd"),
    ("https://www.instagram.com/reel/C9xYz12AbCd/?igshid=abc123", "instagram:post:C9xYz12AbCd"),
    ("https://www.instagram.com/reels/C9xYz12AbCd/", "instagram:post:C9xYz12AbCd"),
    ("https://www.instagram.com/tv/C9xYz12AbCd", "instagram:post:C9xYz12AbCd"),
    ("https://www.instagram.com/dan.k_1990/p/C9xYz12AbCd/?utm_source=ig_web_copy_link", "instagram:post:C9xYz12AbCd"),
    ("https://instagr.am/p/C9xYz12AbCd/", "instagram:post:C9xYz12AbCd"),
    ("https://www.instagram.com/stories/Dan.K_1990/3456789012345678901/", "instagram:story:3456789012345678901"),
    ("https://www.instagram.com/stories/highlights/17890012345/", "instagram:highlight:17890012345"),
    ("https://www.instagram.com/direct/t/1178/", "instagram:dm_thread:1178"),
    ("https://www.instagram.com/Dan.K_1990/", "instagram:profile:dan.k_1990"),
    ("instagram.com/dankirby.alt?igsh=xyz", "instagram:profile:dankirby.alt"),
    ("https://www.instagram.com/dan.k_1990/tagged/", "instagram:profile:dan.k_1990"),
    # TikTok: videos and photo posts share one id space; short links keep their case.
    ("https://www.tiktok.com/@laughs.daily_/video/7433001234567890123?lang=en", "tiktok:post:7433001234567890123"),
    ("https://www.tiktok.com/@Laughs.Daily_/video/7433001234567890123?is_from_webapp=1&sender_device=pc",
     "tiktok:post:7433001234567890123"),
    ("https://m.tiktok.com/v/7433001234567890123.html", "tiktok:post:7433001234567890123"),
    ("https://www.tiktok.com/embed/v2/7433001234567890123", "tiktok:post:7433001234567890123"),
    ("https://www.tiktok.com/@User/photo/7433001234567890999", "tiktok:post:7433001234567890999"),
    ("https://vm.tiktok.com/ZMhAbC123/", "tiktok:short:ZMhAbC123"),
    ("https://vt.tiktok.com/ZSAbC123/", "tiktok:short:ZSAbC123"),
    ("https://www.tiktok.com/t/ZTRAbC123/", "tiktok:short:ZTRAbC123"),
    ("https://www.tiktok.com/@User", "tiktok:profile:user"),
    ("https://www.tiktok.com/@laughs.daily_?lang=en", "tiktok:profile:laughs.daily_"),
    # YouTube videos in every wrapper, comments, posts, playlists and channels.
    (f"https://www.youtube.com/watch?v={VIDEO}&t=30s&feature=share", f"youtube:video:{VIDEO}"),
    (f"https://youtube.com/watch?feature=youtu.be&v={VIDEO}", f"youtube:video:{VIDEO}"),
    (f"https://youtu.be/{VIDEO}?si=AbCdEfGh123", f"youtube:video:{VIDEO}"),
    (f"https://www.youtube.com/shorts/{VIDEO}?feature=share", f"youtube:video:{VIDEO}"),
    (f"https://www.youtube.com/embed/{VIDEO}?start=10", f"youtube:video:{VIDEO}"),
    (f"https://www.youtube-nocookie.com/embed/{VIDEO}", f"youtube:video:{VIDEO}"),
    (f"https://www.youtube.com/live/{VIDEO}?si=xyz", f"youtube:video:{VIDEO}"),
    (f"https://www.youtube.com/v/{VIDEO}", f"youtube:video:{VIDEO}"),
    (f"https://m.youtube.com/watch?v={VIDEO}", f"youtube:video:{VIDEO}"),
    (f"https://music.youtube.com/watch?v={VIDEO}&list=RDAMVM", f"youtube:video:{VIDEO}"),
    (f"https://www.youtube.com/watch?v={VIDEO}&lc=UgzAbC123xyz", "youtube:comment:UgzAbC123xyz"),
    ("https://www.youtube.com/post/UgkxAbC123", "youtube:post:UgkxAbC123"),
    ("https://www.youtube.com/playlist?list=PLAbC123", "youtube:playlist:PLAbC123"),
    ("https://www.youtube.com/@SomeHandle", "youtube:channel:@somehandle"),
    ("https://www.youtube.com/@somehandle/videos", "youtube:channel:@somehandle"),
    (f"https://www.youtube.com/channel/{CHANNEL_ID}", f"youtube:channel:{CHANNEL_ID}"),
    (f"https://www.youtube.com/channel/{CHANNEL_ID}/featured", f"youtube:channel:{CHANNEL_ID}"),
    ("https://www.youtube.com/c/SomeName", "youtube:channel:c/somename"),
    ("https://www.youtube.com/user/SomeName/videos", "youtube:channel:user/somename"),
    # Reddit posts, comments, share links, communities and profiles.
    ("https://www.reddit.com/r/unitedkingdom/comments/1gk3x9z/some_title/", "reddit:post:1gk3x9z"),
    ("https://old.reddit.com/r/UnitedKingdom/comments/1GK3X9Z", "reddit:post:1gk3x9z"),
    ("https://new.reddit.com/r/unitedkingdom/comments/1gk3x9z/?utm_source=share&utm_medium=web2x", "reddit:post:1gk3x9z"),
    ("https://np.reddit.com/r/unitedkingdom/comments/1gk3x9z/some_title/", "reddit:post:1gk3x9z"),
    ("https://redd.it/1gk3x9z", "reddit:post:1gk3x9z"),
    ("https://www.reddit.com/comments/1gk3x9z", "reddit:post:1gk3x9z"),
    ("https://www.reddit.com/user/Someone/comments/1gk3x9z/title/", "reddit:post:1gk3x9z"),
    ("https://www.reddit.com/r/unitedkingdom/comments/1gk3x9z/some_title/lv0abcd/", "reddit:comment:lv0abcd"),
    ("https://www.reddit.com/r/unitedkingdom/comments/1gk3x9z/comment/lv0abcd/?context=3", "reddit:comment:lv0abcd"),
    ("https://www.reddit.com/r/unitedkingdom/s/AbCdEf123", "reddit:share:AbCdEf123"),
    ("https://www.reddit.com/u/someone", "reddit:profile:someone"),
    ("https://www.reddit.com/user/SomeOne/", "reddit:profile:someone"),
    ("https://old.reddit.com/user/someone/submitted/", "reddit:profile:someone"),
    ("https://www.reddit.com/user/SomeOne/comments/", "reddit:profile:someone"),
    ("https://www.reddit.com/r/UnitedKingdom/", "reddit:community:unitedkingdom"),
    # Telegram public and private messages, invites and channels.
    ("https://t.me/channel_name/123", "telegram:message:channel_name/123"),
    ("https://telegram.me/Channel_Name/123?single", "telegram:message:channel_name/123"),
    ("https://t.me/s/channel_name/123", "telegram:message:channel_name/123"),
    ("t.me/channel_name/45/123", "telegram:message:channel_name/123"),
    ("https://t.me/c/12345/678", "telegram:message:c12345/678"),
    ("https://t.me/c/12345/9/678", "telegram:message:c12345/678"),
    ("https://t.me/Channel_Name", "telegram:profile:channel_name"),
    ("https://t.me/s/channel_name", "telegram:profile:channel_name"),
    ("https://t.me/+AbCdEf123", "telegram:invite:AbCdEf123"),
    ("https://t.me/joinchat/AbCdEf123", "telegram:invite:AbCdEf123"),
    # Discord, Snapchat, WhatsApp.
    ("https://discord.com/channels/111/222/333", "discord:message:111/222/333"),
    ("https://discordapp.com/channels/111/222/333", "discord:message:111/222/333"),
    ("https://ptb.discord.com/channels/111/222/333/", "discord:message:111/222/333"),
    ("https://discord.com/channels/@me/222/333", "discord:message:@me/222/333"),
    ("https://discord.com/channels/111/222", "discord:channel:111/222"),
    ("https://discord.gg/AbC123", "discord:invite:AbC123"),
    ("https://discord.com/invite/AbC123", "discord:invite:AbC123"),
    ("https://www.snapchat.com/add/Some.User?share_id=abc&locale=en_GB", "snapchat:profile:some.user"),
    ("https://wa.me/447700900123", "whatsapp:profile:+447700900123"),
    ("https://chat.whatsapp.com/AbCdEf123", "whatsapp:invite:AbCdEf123"),
    # Anything else: generic web keys, path case kept, tracking dropped, query sorted.
    ("https://www.example.com/News/Story/?utm_source=x&b=2&a=1#top", "web:example.com/News/Story?a=1&b=2"),
    ("http://m.example.com/News/Story", "web:example.com/News/Story"),
    ("EXAMPLE.com/News/Story/", "web:example.com/News/Story"),
    ("https://example.com", "web:example.com"),
    ("https://example.com:8443/page", "web:example.com:8443/page"),
    ("https://example.com:443/page", "web:example.com/page"),
    ("https://t.co/AbC123", "web:t.co/AbC123"),
    ("https://x.com/search?q=hate&src=typed_query", "web:x.com/search?q=hate&src=typed_query"),
    ("https://i.redd.it/abc123.jpg", "web:i.redd.it/abc123.jpg"),
    ("https://gab.com/SomeUser/posts/112233", "web:gab.com/SomeUser/posts/112233"),
]


@pytest.mark.parametrize(("url", "key"), SAME_KEY_CASES)
def test_canonical_key(url: str, key: str) -> None:
    found = canonical_content(url)
    assert found is not None
    assert found.key == key


def test_there_are_over_a_hundred_url_cases() -> None:
    assert len(SAME_KEY_CASES) >= 100


DETAIL_CASES = [
    (
        f"http://mobile.twitter.com/N0rth_Patriot88/status/{STATUS}/",
        CanonicalContent("x", f"x:status:{STATUS}", STATUS, "status", f"https://x.com/i/status/{STATUS}",
                         author="n0rth_patriot88"),
    ),
    (
        "https://x.com/User",
        CanonicalContent("x", "x:profile:user", "user", "profile", "https://x.com/user"),
    ),
    (
        "https://www.facebook.com/groups/4471002/posts/99120031/?mibextid=Nif5oz",
        CanonicalContent(
            "facebook", "facebook:post:99120031", "99120031", "post",
            "https://www.facebook.com/groups/4471002/posts/99120031/",
        ),
    ),
    (
        "https://www.instagram.com/reel/C9xYz12AbCd/?igsh=x",
        CanonicalContent(
            "instagram", "instagram:post:C9xYz12AbCd", "C9xYz12AbCd", "video",
            "https://www.instagram.com/p/C9xYz12AbCd/",
        ),
    ),
    (
        "https://www.instagram.com/direct/t/1178/",
        CanonicalContent(
            "instagram", "instagram:dm_thread:1178", "1178", "message", "https://www.instagram.com/direct/t/1178/",
        ),
    ),
    (
        f"https://youtu.be/{VIDEO}?si=abc",
        CanonicalContent("youtube", f"youtube:video:{VIDEO}", VIDEO, "video", f"https://www.youtube.com/watch?v={VIDEO}"),
    ),
    (
        "https://old.reddit.com/r/sub/comments/1gk3x9z/t/lv0abcd/",
        CanonicalContent(
            "reddit", "reddit:comment:lv0abcd", "lv0abcd", "comment",
            "https://www.reddit.com/comments/1gk3x9z/_/lv0abcd/",
        ),
    ),
    (
        "https://telegram.me/Channel_Name/123?single",
        CanonicalContent(
            "telegram", "telegram:message:channel_name/123", "channel_name/123", "message",
            "https://t.me/channel_name/123",
        ),
    ),
    (
        "https://discordapp.com/channels/111/222/333",
        CanonicalContent(
            "discord", "discord:message:111/222/333", "111/222/333", "message",
            "https://discord.com/channels/111/222/333",
        ),
    ),
    (
        "http://www.example.com/A/?b=2&utm_medium=x&a=1",
        CanonicalContent("web", "web:example.com/A?a=1&b=2", None, None, "https://example.com/A?a=1&b=2"),
    ),
]


@pytest.mark.parametrize(("url", "expected"), DETAIL_CASES)
def test_canonical_content_fields(url: str, expected: CanonicalContent) -> None:
    assert canonical_content(url) == expected


@pytest.mark.parametrize(
    ("url", "hint", "platform"),
    [
        ("https://t.co/AbC123", "Twitter", "x"),
        ("https://t.co/AbC123", None, "web"),
        ("https://forum.example.org/thread/9", "Some Forum", "someforum"),
        ("https://x.com/User", "Facebook", "x"),
    ],
)
def test_platform_hint_names_unknown_hosts_only(url: str, hint: str | None, platform: str) -> None:
    found = canonical_content(url, platform_hint=hint)
    assert found is not None
    assert found.platform == platform


DIFFERENT_KEY_PAIRS = [
    ("https://x.com/user/status/1852003311440001234", "https://x.com/user/status/1852003311440001235"),
    ("https://x.com/user/status/1852003311440001234", "https://x.com/user"),
    ("https://x.com/alice", "https://x.com/bob"),
    (f"https://youtu.be/{VIDEO}", "https://youtu.be/dQw4w9WgXcq"),
    (f"https://www.youtube.com/watch?v={VIDEO}", f"https://www.youtube.com/watch?v={VIDEO}&lc=UgzAbC123xyz"),
    ("https://www.facebook.com/groups/4471002/posts/99120031/", "https://www.facebook.com/groups/4471002/posts/99120877/"),
    ("https://www.facebook.com/gary.pike.5811/posts/123", "https://www.facebook.com/gary.pike.5811"),
    ("https://www.facebook.com/watch/?v=8812345678", "https://www.facebook.com/watch/?v=8812345679"),
    ("https://www.facebook.com/photo.php?fbid=1", "https://www.facebook.com/photo.php?fbid=2"),
    ("https://www.instagram.com/p/C9xYz12AbCd/", "https://www.instagram.com/p/c9xyz12abcd/"),
    ("https://www.instagram.com/p/C9xYz12AbCd/", "https://www.instagram.com/C9xYz12AbCd/"),
    ("https://vm.tiktok.com/ZMhAbC123/", "https://vm.tiktok.com/zmhabc123/"),
    ("https://www.reddit.com/comments/1gk3x9z", "https://www.reddit.com/comments/1gk3x9z/t/lv0abcd"),
    ("https://t.me/channel_name/123", "https://t.me/other_channel/123"),
    ("https://t.me/c/12345/678", "https://t.me/c/12346/678"),
    ("https://example.com/Page", "https://example.com/page"),
    ("https://example.com/page?id=1", "https://example.com/page?id=2"),
]


@pytest.mark.parametrize(("first", "second"), DIFFERENT_KEY_PAIRS)
def test_different_content_gets_different_keys(first: str, second: str) -> None:
    first_found, second_found = canonical_content(first), canonical_content(second)
    assert first_found is not None and second_found is not None
    assert first_found.key != second_found.key


@pytest.mark.parametrize(
    "url",
    [
        "", "   ", "not a url", "http://", "https://", "<>", "x", "javascript:alert(1)", "mailto:a@example.com",
        "ftp://example.com/file", "https://exa mple.com/", "https://user:pass@example.com/", "http://[::1",
        "https://example.com:99999/", "https://-bad-.com/", "http://localhost/", "@N0rth_Patriot88",
        None, 12345,
    ],
)
def test_unusable_urls_give_none(url: object) -> None:
    assert canonical_content(url) is None  # type: ignore[arg-type]


def _fixture_content() -> list[dict]:
    with FIXTURES.open(encoding="utf-8") as lines:
        reports = [json.loads(line) for line in lines if line.strip()]
    return [item for report in reports for item in report.get("content", []) if item.get("url")]


@pytest.mark.parametrize("item", _fixture_content(), ids=lambda item: item["url"])
def test_every_fixture_url_is_recognised_on_its_stated_platform(item: dict) -> None:
    found = canonical_content(item["url"], platform_hint=item.get("platform"))
    assert found is not None
    assert found.item_id
    assert found.platform in {"x", "facebook", "tiktok", "instagram"}


def test_fixture_reports_of_one_reply_share_a_key_and_group_posts_do_not() -> None:
    keys = [canonical_content(item["url"]).key for item in _fixture_content()]
    assert keys.count(f"x:status:{STATUS}") == 2
    facebook_keys = [key for key in keys if key.startswith("facebook:")]
    assert len(facebook_keys) == len(set(facebook_keys)) == 3


@pytest.mark.parametrize(("url", "author"), [
    (f"https://twitter.com/N0rth_Patriot88/status/{STATUS}?s=20", "n0rth_patriot88"),
    (f"https://x.com/n0rth_patriot88/status/{STATUS}/photo/1", "n0rth_patriot88"),
    (f"https://twitter.com/#!/N0rth_Patriot88/status/{STATUS}", "n0rth_patriot88"),
    (f"https://x.com/i/web/status/{STATUS}", None),
    (f"https://x.com/i/status/{STATUS}", None),
    (f"https://twitter.com/statuses/{STATUS}", None),
    ("https://www.tiktok.com/@Laughs.Daily_/video/7433001234567890123?lang=en", "laughs.daily_"),
    ("https://www.tiktok.com/@user/photo/7433001234567890999", "user"),
    ("https://m.tiktok.com/v/7433001234567890123.html", None),
    ("https://www.tiktok.com/embed/v2/7433001234567890123", None),
    # The path of these names a timeline, a page or a channel, not who posted: no author is read from them.
    ("https://www.facebook.com/jamie.parker.3812/posts/5066642656772669/", None),
    ("https://t.me/Channel_Name/123", None),
    ("https://www.youtube.com/watch?v=dQw4w9WgXcQ", None),
])
def test_the_author_a_url_names(url: str, author: str | None) -> None:
    found = canonical_content(url)
    assert found is not None
    assert found.author == author


PROFILES_BY_HANDLE = [
    # (platform, normalised handle, as typed, the profile's key or None)
    ("x", "dan_k", "@Dan_K", "x:profile:dan_k"),
    ("instagram", "ayesha.m_2001", "ayesha.m_2001", "instagram:profile:ayesha.m_2001"),
    ("tiktok", "local.uncut91", "@local.uncut91", "tiktok:profile:local.uncut91"),
    ("reddit", "foo_bar", "u/foo_bar", "reddit:profile:foo_bar"),
    ("telegram", "leahdavis_", "leahdavis_", "telegram:profile:leahdavis_"),
    ("facebook", "kyle.robinson.4051", "Kyle.Robinson.4051", "facebook:profile:kyle.robinson.4051"),
    ("facebook", "emily", "Emily", None),  # a display name as often as a username
    ("facebook", "kyle robinson", "Kyle Robinson", None),
    ("youtube", "banter_memes", "@Banter_Memes", "youtube:channel:@banter_memes"),
    ("youtube", "banter_memes", "banter_memes", None),  # typed without its @: perhaps a display name
    ("x", "home", "home", None),  # a page of the site, not a profile
    ("x", "gary pike", "Gary Pike", None),
    ("x", "dan?ref=1", "dan?ref=1", None),  # not a handle: read as an address, it would name @dan
    ("unknown", "dan_k", "dan_k", None),
]


@pytest.mark.parametrize(("platform", "handle", "given", "key"), PROFILES_BY_HANDLE)
def test_profile_of_handle(platform: str, handle: str, given: str, key: str | None) -> None:
    found = profile_of_handle(platform, handle, given)
    assert (found.key if found else None) == key
    if found:  # the same key as the profile's address pasted by a reporter
        assert canonical_content(found.canonical_url).key == key
