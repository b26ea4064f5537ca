"""Content keys for Telegram URLs: channel and group messages, invite links and public channels."""

from __future__ import annotations

import re

from ..url_parts import CanonicalContent, UrlParts, content

_NUMERIC = re.compile(r"^\d+$")
_USERNAME = re.compile(r"^[a-z][a-z0-9_]{3,31}$")
_CODE = re.compile(r"^[A-Za-z0-9_-]+$")
_NOT_USERNAMES = frozenset({
    "joinchat", "addstickers", "addemoji", "share", "proxy", "socks", "iv", "setlanguage",
    "addtheme", "login", "confirmphone", "invoice", "boost",
})


def telegram_content(parts: UrlParts) -> CanonicalContent | None:
    """Return the message, invite link or channel a t.me / telegram.me URL points at, or None."""
    if parts.host.endswith("telegram.org"):
        return None
    segments, words = parts.segments, parts.lower_segments
    if words[:1] == ("s",):
        segments, words = segments[1:], words[1:]
    if not words:
        return None
    if words[0] == "c":
        return _private_message(words)
    if words[0] == "joinchat":
        return _invite(segments[1]) if len(segments) > 1 else None
    if segments[0].startswith("+"):
        return _invite(segments[0][1:])
    return _public(words)


def _private_message(words: tuple[str, ...]) -> CanonicalContent | None:
    """'/c/CHAT/MESSAGE' or '/c/CHAT/TOPIC/MESSAGE' in a private group or channel."""
    ids = words[1:]
    if 2 <= len(ids) <= 3 and all(_NUMERIC.match(word) for word in ids):
        chat, message = ids[0], ids[-1]
        return _message(f"c{chat}/{message}", f"https://t.me/c/{chat}/{message}")
    return None


def _invite(code: str) -> CanonicalContent | None:
    if not _CODE.match(code):
        return None
    return content("telegram", "invite", code, f"https://t.me/+{code}", None)


def _public(words: tuple[str, ...]) -> CanonicalContent | None:
    channel = words[0]
    if channel in _NOT_USERNAMES or not _USERNAME.match(channel):
        return None
    if len(words) == 1:
        return content("telegram", "profile", channel, f"https://t.me/{channel}", "profile")
    ids = words[1:]
    if len(ids) <= 2 and all(_NUMERIC.match(word) for word in ids):
        message = ids[-1]
        return _message(f"{channel}/{message}", f"https://t.me/{channel}/{message}")
    return None


def _message(item_id: str, canonical_url: str) -> CanonicalContent:
    return content("telegram", "message", item_id, canonical_url, "message")
