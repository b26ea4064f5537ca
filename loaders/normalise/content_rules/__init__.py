"""Per-platform rules that turn a parsed URL into a content key; one module per platform family."""

from __future__ import annotations

from collections.abc import Callable

from ..url_parts import CanonicalContent, UrlParts
from .facebook import facebook_content
from .instagram import instagram_content
from .messaging import discord_content, snapchat_content, whatsapp_content
from .reddit import reddit_content
from .telegram import telegram_content
from .tiktok import tiktok_content
from .x import x_content
from .youtube import youtube_content

ContentRule = Callable[[UrlParts], "CanonicalContent | None"]

RULES_BY_PLATFORM: dict[str, ContentRule] = {
    "x": x_content,
    "facebook": facebook_content,
    "instagram": instagram_content,
    "tiktok": tiktok_content,
    "youtube": youtube_content,
    "reddit": reddit_content,
    "telegram": telegram_content,
    "discord": discord_content,
    "snapchat": snapchat_content,
    "whatsapp": whatsapp_content,
}

__all__ = ["RULES_BY_PLATFORM", "ContentRule"]
