"""Canonical platform ids from free-text names and from URL hosts."""

from __future__ import annotations

import re

PLATFORM_DISPLAY_NAMES: dict[str, str] = {
    "x": "X (Twitter)",
    "facebook": "Facebook",
    "instagram": "Instagram",
    "tiktok": "TikTok",
    "youtube": "YouTube",
    "reddit": "Reddit",
    "telegram": "Telegram",
    "discord": "Discord",
    "snapchat": "Snapchat",
    "whatsapp": "WhatsApp",
}

# Names as reporters type them, reduced to a slug (lowercase, alphanumerics only).
_NAME_ALIASES: dict[str, str] = {
    "x": "x",
    "twitter": "x",
    "xtwitter": "x",
    "twitterx": "x",
    "xformerlytwitter": "x",
    "fb": "facebook",
    "facebook": "facebook",
    "ig": "instagram",
    "insta": "instagram",
    "instagram": "instagram",
    "tiktok": "tiktok",
    "youtube": "youtube",
    "yt": "youtube",
    "reddit": "reddit",
    "telegram": "telegram",
    "tg": "telegram",
    "discord": "discord",
    "snapchat": "snapchat",
    "snap": "snapchat",
    "whatsapp": "whatsapp",
}

# Registered domains of each platform; any subdomain (mobile., m., old., vm., ...) belongs too.
_DOMAINS: dict[str, str] = {
    "x.com": "x",
    "twitter.com": "x",
    "facebook.com": "facebook",
    "fb.com": "facebook",
    "fb.watch": "facebook",
    "instagram.com": "instagram",
    "instagr.am": "instagram",
    "tiktok.com": "tiktok",
    "youtube.com": "youtube",
    "youtu.be": "youtube",
    "youtube-nocookie.com": "youtube",
    "reddit.com": "reddit",
    "redd.it": "reddit",
    "t.me": "telegram",
    "telegram.me": "telegram",
    "telegram.dog": "telegram",
    "telegram.org": "telegram",
    "discord.com": "discord",
    "discordapp.com": "discord",
    "discord.gg": "discord",
    "snapchat.com": "snapchat",
    "wa.me": "whatsapp",
    "whatsapp.com": "whatsapp",
}

_NON_ALPHANUMERIC = re.compile(r"[^a-z0-9]+")
_WORD = re.compile(r"[a-z0-9]+")
# Nicknames that are also ordinary words or letters ("x", "snap", "tg"): in free text they name a platform only
# after one of these words ("on X", "via Snap").
_WORDS_ALSO_COMMON = frozenset({"x", "snap", "tg"})
_BEFORE_A_PLATFORM = frozenset({"on", "via", "from", "onto"})
_DOMAIN_LIKE = re.compile(r"^[a-z0-9.-]+\.[a-z]{2,}$")


def _slug(text: str) -> str:
    return _NON_ALPHANUMERIC.sub("", text.lower())


def platform_from_host(host: str | None) -> str | None:
    """Return the platform id serving this URL host, or None for other hosts and for shorteners (t.co)."""
    if not host:
        return None
    host = host.strip().lower().rstrip(".")
    host = host.rsplit("@", 1)[-1].split(":", 1)[0]
    labels = host.split(".")
    for start in range(len(labels) - 1):
        platform = _DOMAINS.get(".".join(labels[start:]))
        if platform:
            return platform
    return None


def normalise_platform(name: str | None) -> str | None:
    """Return the canonical lowercase platform id for a platform name as given, or None when blank.

    Known names, nicknames and domains map to their id ("Twitter", "x.com" -> "x"); any other
    name becomes its slug ("Mastodon Social" -> "mastodonsocial").
    """
    if name is None:
        return None
    text = name.strip().lower()
    if not text:
        return None
    if _DOMAIN_LIKE.match(text):
        platform = platform_from_host(text.removeprefix("www."))
        if platform:
            return platform
    slug = _slug(text)
    if not slug:
        return None
    return _NAME_ALIASES.get(slug, slug)


def platforms_named_in(text: str | None) -> set[str]:
    """Return the known platforms a free text names as words: "a video on IG", "on Tik Tok", "shared on X".

    Only the names and nicknames `normalise_platform` knows, as whole words (or two words run together, "Tik
    Tok", "You Tube"); a nickname that is also a common word or letter counts only after "on", "via", "from"
    or "onto". Other names are not guessed from prose.
    """
    words = _WORD.findall(text.lower()) if text else []
    found: set[str] = set()
    for index, word in enumerate(words):
        pair = word + words[index + 1] if index + 1 < len(words) else None
        for slug in (word, pair):
            platform = _NAME_ALIASES.get(slug) if slug else None
            if platform is None:
                continue
            if slug in _WORDS_ALSO_COMMON and (index == 0 or words[index - 1] not in _BEFORE_A_PLATFORM):
                continue
            found.add(platform)
    return found
