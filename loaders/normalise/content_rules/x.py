"""Content keys for X (Twitter) URLs: statuses, profiles and direct-message threads."""

from __future__ import annotations

import re

from ..url_parts import CanonicalContent, UrlParts, content

_HANDLE = re.compile(r"^[A-Za-z0-9_]{1,15}$")
_NUMERIC = re.compile(r"^\d+$")
_STATUS_WORDS = ("status", "statuses")
_PROFILE_TABS = frozenset({
    "with_replies", "media", "likes", "highlights", "articles", "followers", "following",
    "verified_followers", "followers_you_follow", "lists", "superfollows",
})
_NOT_HANDLES = frozenset({
    "home", "explore", "search", "i", "settings", "notifications", "messages", "hashtag", "intent",
    "share", "login", "logout", "signup", "tos", "privacy", "compose", "about", "download", "jobs",
    "account", "statuses", "status",
})


def x_content(parts: UrlParts) -> CanonicalContent | None:
    """Return the status, profile or message thread an X URL points at, or None."""
    segments = _hashbang_segments(parts) or parts.segments
    words = tuple(segment.lower() for segment in segments)
    status_id = _status_id(words)
    if status_id:
        return content("x", "status", status_id, f"https://x.com/i/status/{status_id}", "status", _status_author(segments))
    if len(words) >= 2 and words[0] == "messages" and re.fullmatch(r"[\d-]+", words[1]):
        return content("x", "dm_thread", words[1], f"https://x.com/messages/{words[1]}", "message")
    if words and _is_profile_path(segments, words):
        handle = words[0]
        return content("x", "profile", handle, f"https://x.com/{handle}", "profile")
    return None


def _hashbang_segments(parts: UrlParts) -> tuple[str, ...]:
    """Old 'twitter.com/#!/user/status/1' links carry the path in the fragment."""
    if not parts.fragment.startswith("!/"):
        return ()
    return tuple(piece for piece in parts.fragment[2:].split("?")[0].split("/") if piece)


def _status_id(words: tuple[str, ...]) -> str | None:
    for index, word in enumerate(words[:-1]):
        if word in _STATUS_WORDS and _NUMERIC.match(words[index + 1]):
            return words[index + 1].lstrip("0") or "0"
    return None


def _status_author(segments: tuple[str, ...]) -> str | None:
    """The handle in '/<handle>/status/<id>': the account that posted it ('/i/web/status/<id>' names none)."""
    if len(segments) >= 3 and segments[1].lower() in _STATUS_WORDS and _HANDLE.match(segments[0]) \
            and segments[0].lower() not in _NOT_HANDLES:
        return segments[0].lower()
    return None


def _is_profile_path(segments: tuple[str, ...], words: tuple[str, ...]) -> bool:
    if not _HANDLE.match(segments[0]) or words[0] in _NOT_HANDLES:
        return False
    return len(words) == 1 or (len(words) == 2 and words[1] in _PROFILE_TABS)
