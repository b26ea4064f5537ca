"""Platform ids from the names reporters type and from URL hosts."""

from __future__ import annotations

import pytest

from loaders.normalise import PLATFORM_DISPLAY_NAMES, normalise_platform, platform_from_host, platforms_named_in


@pytest.mark.parametrize(
    ("name", "platform"),
    [
        ("X", "x"), ("x", "x"), ("Twitter", "x"), ("twitter", "x"), ("twitter.com", "x"), ("x.com", "x"),
        ("X (Twitter)", "x"), (" TWITTER ", "x"), ("www.twitter.com", "x"),
        ("FB", "facebook"), ("Facebook", "facebook"), ("fb.com", "facebook"), ("facebook.com", "facebook"),
        ("IG", "instagram"), ("Insta", "instagram"), ("Instagram", "instagram"), ("instagram.com", "instagram"),
        ("TikTok", "tiktok"), ("Tik Tok", "tiktok"), ("tik-tok", "tiktok"), ("tiktok.com", "tiktok"),
        ("YouTube", "youtube"), ("YT", "youtube"), ("Youtube", "youtube"), ("youtu.be", "youtube"),
        ("Reddit", "reddit"), ("reddit.com", "reddit"),
        ("Telegram", "telegram"), ("t.me", "telegram"),
        ("Discord", "discord"), ("discord.gg", "discord"),
        ("Snapchat", "snapchat"), ("Snap", "snapchat"),
        ("WhatsApp", "whatsapp"), ("Whats App", "whatsapp"), ("wa.me", "whatsapp"),
        ("Gab", "gab"), ("Truth Social", "truthsocial"), ("4chan", "4chan"), ("mastodon.social", "mastodonsocial"),
    ],
)
def test_normalise_platform(name: str, platform: str) -> None:
    assert normalise_platform(name) == platform


@pytest.mark.parametrize("name", [None, "", "   ", "!!!", "()"])
def test_blank_platform_names_give_none(name: str | None) -> None:
    assert normalise_platform(name) is None


@pytest.mark.parametrize(
    ("host", "platform"),
    [
        ("twitter.com", "x"), ("x.com", "x"), ("www.x.com", "x"), ("mobile.twitter.com", "x"), ("X.COM", "x"),
        ("facebook.com", "facebook"), ("m.facebook.com", "facebook"), ("fb.com", "facebook"),
        ("fb.watch", "facebook"), ("web.facebook.com", "facebook"), ("mbasic.facebook.com", "facebook"),
        ("www.facebook.com:443", "facebook"),
        ("instagram.com", "instagram"), ("www.instagram.com", "instagram"), ("instagr.am", "instagram"),
        ("tiktok.com", "tiktok"), ("vm.tiktok.com", "tiktok"), ("m.tiktok.com", "tiktok"),
        ("youtube.com", "youtube"), ("m.youtube.com", "youtube"), ("youtu.be", "youtube"),
        ("music.youtube.com", "youtube"),
        ("reddit.com", "reddit"), ("old.reddit.com", "reddit"), ("new.reddit.com", "reddit"),
        ("np.reddit.com", "reddit"), ("redd.it", "reddit"),
        ("t.me", "telegram"), ("telegram.me", "telegram"), ("telegram.org", "telegram"),
        ("discord.com", "discord"), ("discordapp.com", "discord"),
        ("snapchat.com", "snapchat"), ("www.snapchat.com", "snapchat"),
        ("wa.me", "whatsapp"), ("whatsapp.com", "whatsapp"), ("chat.whatsapp.com", "whatsapp"),
    ],
)
def test_platform_from_host(host: str, platform: str) -> None:
    assert platform_from_host(host) == platform


@pytest.mark.parametrize(
    "host",
    [None, "", "t.co", "example.com", "fxtwitter.com", "vxtwitter.com", "notx.com", "twitter.com.evil.net", "com"],
)
def test_other_hosts_and_shorteners_have_no_platform(host: str | None) -> None:
    assert platform_from_host(host) is None


def test_every_display_name_belongs_to_a_known_platform_id() -> None:
    for platform_id, display_name in PLATFORM_DISPLAY_NAMES.items():
        assert normalise_platform(platform_id) == platform_id
        assert normalise_platform(display_name) == platform_id
    assert PLATFORM_DISPLAY_NAMES["x"] == "X (Twitter)"


@pytest.mark.parametrize(
    ("text", "platforms"),
    [
        ("This video on instagram is being shared everywhere: racist abuse.", {"instagram"}),
        ("Update: This picture on IG is being shared everywhere.", {"instagram"}),
        ("I saw it on Tik Tok and then on You Tube", {"tiktok", "youtube"}),
        ("This post on X is being shared everywhere", {"x"}),
        ("Posted via Snap last night", {"snapchat"}),
        ("Someone on FB (Facebook) keeps messaging me", {"facebook"}),
        ("X marks the spot; he sent 3 x messages", set()),  # "x" that is not the platform
        ("They snap at me in the street", set()),
        ("An account keeps targeting me", set()),
        ("Abuse on Mastodon", set()),  # names it does not know are not guessed from prose
        ("facebookers and instagrammers", set()),  # whole words only
        ("", set()),
        (None, set()),
    ],
)
def test_platforms_named_in_free_text(text: str | None, platforms: set[str]) -> None:
    assert platforms_named_in(text) == platforms
