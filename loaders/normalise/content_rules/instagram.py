"""Content keys for Instagram URLs: posts and reels, stories, direct threads and profiles."""

from __future__ import annotations

import re

from ..url_parts import CanonicalContent, UrlParts, content

_SHORTCODE = re.compile(r"^[A-Za-z0-9_-]+$")
_NUMERIC = re.compile(r"^\d+$")
_USERNAME = re.compile(r"^[A-Za-z0-9._]{1,30}$")
_SITE = "https://www.instagram.com"
# Posts, reels and IGTV videos share one shortcode space, so they share one key kind.
_POST_WORDS = {"p": "post", "reel": "video", "reels": "video", "tv": "video"}
_PROFILE_TABS = frozenset({"tagged", "reels", "saved", "followers", "following", "guides", "feed"})
_NOT_USERNAMES = frozenset({
    "explore", "accounts", "direct", "stories", "p", "reel", "reels", "tv", "about", "developer",
    "legal", "web", "challenge", "emails", "session", "privacy", "terms", "api", "graphql", "static",
    "oauth", "press", "topics", "locations", "ar", "create", "your_activity", "s",
})


def instagram_content(parts: UrlParts) -> CanonicalContent | None:
    """Return the post, story, direct thread or profile an Instagram URL points at, or None."""
    words = parts.lower_segments
    for rule in (_post, _story, _direct_thread, _profile):
        found = rule(parts.segments, words)
        if found:
            return found
    return None


def _post(segments: tuple[str, ...], words: tuple[str, ...]) -> CanonicalContent | None:
    """'/p/CODE', '/reel/CODE', '/tv/CODE' and the newer '/USER/p/CODE'; shortcodes keep their case."""
    for position in (0, 1):
        if len(words) > position + 1 and words[position] in _POST_WORDS:
            code = segments[position + 1]
            if words[position + 1] != "audio" and _SHORTCODE.match(code):
                kind_hint = _POST_WORDS[words[position]]
                return content("instagram", "post", code, f"{_SITE}/p/{code}/", kind_hint)
    return None


def _story(segments: tuple[str, ...], words: tuple[str, ...]) -> CanonicalContent | None:
    if len(words) < 2 or words[0] != "stories":
        return None
    if words[1] == "highlights" and len(words) >= 3 and _NUMERIC.match(words[2]):
        return content("instagram", "highlight", words[2], f"{_SITE}/stories/highlights/{words[2]}/", "post")
    user = words[1]
    if not _USERNAME.match(user):
        return None
    if len(words) >= 3 and _NUMERIC.match(words[2]):
        return content("instagram", "story", words[2], f"{_SITE}/stories/{user}/{words[2]}/", "post")
    return content("instagram", "profile", user, f"{_SITE}/{user}/", "profile")


def _direct_thread(segments: tuple[str, ...], words: tuple[str, ...]) -> CanonicalContent | None:
    if len(words) >= 3 and words[:2] == ("direct", "t") and _NUMERIC.match(words[2]):
        return content("instagram", "dm_thread", words[2], f"{_SITE}/direct/t/{words[2]}/", "message")
    return None


def _profile(segments: tuple[str, ...], words: tuple[str, ...]) -> CanonicalContent | None:
    if not words or words[0] in _NOT_USERNAMES or not _USERNAME.match(words[0]):
        return None
    if len(words) == 1 or (len(words) == 2 and words[1] in _PROFILE_TABS):
        return content("instagram", "profile", words[0], f"{_SITE}/{words[0]}/", "profile")
    return None
