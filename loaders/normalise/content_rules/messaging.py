"""Content keys for Discord, Snapchat and WhatsApp URLs."""

from __future__ import annotations

import re

from ..url_parts import CanonicalContent, UrlParts, content

_SNOWFLAKE = re.compile(r"^\d+$")
_CODE = re.compile(r"^[A-Za-z0-9_-]+$")
_SNAP_USERNAME = re.compile(r"^[a-z][a-z0-9._-]{2,14}$")
_PHONE_DIGITS = re.compile(r"^\d{7,15}$")


def discord_content(parts: UrlParts) -> CanonicalContent | None:
    """Return the message, channel or invite a Discord URL points at, or None."""
    segments, words = parts.segments, parts.lower_segments
    code = segments[0] if parts.host == "discord.gg" and segments else None
    if len(words) >= 2 and words[0] == "invite":
        code = segments[1]
    if code is not None:
        if not _CODE.match(code):
            return None
        return content("discord", "invite", code, f"https://discord.gg/{code}", None)
    if len(words) < 3 or words[0] != "channels":
        return None
    server, ids = words[1], words[2:4]
    if not (server == "@me" or _SNOWFLAKE.match(server)) or not all(_SNOWFLAKE.match(i) for i in ids):
        return None
    item_id = "/".join((server, *ids))
    kind, kind_hint = ("message", "message") if len(ids) == 2 else ("channel", None)
    return content("discord", kind, item_id, f"https://discord.com/channels/{item_id}", kind_hint)


def snapchat_content(parts: UrlParts) -> CanonicalContent | None:
    """Return the profile a Snapchat '/add/USER' or '/@USER' URL points at, or None."""
    words = parts.lower_segments
    user = None
    if len(words) >= 2 and words[0] == "add":
        user = words[1]
    elif words and words[0].startswith("@"):
        user = words[0][1:]
    if user and _SNAP_USERNAME.match(user):
        return content("snapchat", "profile", user, f"https://www.snapchat.com/add/{user}", "profile")
    return None


def whatsapp_content(parts: UrlParts) -> CanonicalContent | None:
    """Return the phone profile (wa.me), group invite or channel a WhatsApp URL points at, or None."""
    segments, words = parts.segments, parts.lower_segments
    if parts.host == "wa.me" and words and _PHONE_DIGITS.match(words[0].lstrip("+")):
        number = "+" + words[0].lstrip("+")
        return content("whatsapp", "profile", number, f"https://wa.me/{number[1:]}", "profile")
    if parts.host == "chat.whatsapp.com" and segments and _CODE.match(segments[0]):
        code = segments[0]
        return content("whatsapp", "invite", code, f"https://chat.whatsapp.com/{code}", None)
    if len(words) >= 2 and words[0] == "channel" and _CODE.match(segments[1]):
        channel = segments[1]
        return content("whatsapp", "channel", channel, f"https://whatsapp.com/channel/{channel}", "profile")
    return None
