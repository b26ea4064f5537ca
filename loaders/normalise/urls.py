"""Canonical content keys for pasted URLs, so one post reported many ways is recognised as one."""

from __future__ import annotations

import re

from .content_rules import RULES_BY_PLATFORM
from .platforms import normalise_platform, platform_from_host
from .url_parts import CanonicalContent, UrlParts, clean_query, parse_url

__all__ = ["CanonicalContent", "canonical_content", "profile_of_handle"]

_GENERIC_HOST_PREFIXES = ("www.", "m.")
# Each platform's profile address for a handle, read back by the same rules as a pasted URL.
_PROFILE_ADDRESSES = {
    "x": "https://x.com/{}", "instagram": "https://www.instagram.com/{}/", "tiktok": "https://www.tiktok.com/@{}",
    "reddit": "https://www.reddit.com/user/{}/", "telegram": "https://t.me/{}", "facebook": "https://www.facebook.com/{}",
    "youtube": "https://www.youtube.com/@{}",
}
_HANDLE = re.compile(r"[a-z0-9._-]+")  # what a normalised handle may hold to be read as part of an address


def canonical_content(url: str, platform_hint: str | None = None) -> CanonicalContent | None:
    """Return the canonical identity of the content a URL points at, or None when the URL is unusable.

    The key ignores scheme, mobile and alias hosts, tracking parameters, fragments, trailing
    slashes and letter case wherever the platform ignores case. Hosts with no platform rule get a
    generic 'web:<host><path>?<query>' key; platform_hint names the platform when the host alone
    cannot (a shortener, a self-hosted site).
    """
    parts = parse_url(url)
    if parts is None:
        return None
    platform = platform_from_host(parts.host)
    rule = RULES_BY_PLATFORM.get(platform or "")
    found = rule(parts) if rule else None
    if found:
        return found
    return _generic(parts, platform or normalise_platform(platform_hint) or "web")


def profile_of_handle(platform: str, handle: str, given: str) -> CanonicalContent | None:
    """Return the profile a handle names, keyed as its address is: "the profile of @dan_k on X" is x.com/dan_k.

    `handle` is the normalised handle, `given` what the reporter typed. Only a handle names one profile. Facebook
    and YouTube reporters often type a display name instead ("Gary Pike", "emily"), which many accounts share,
    so there only a Facebook username with a dot in it ("gary.pike.1234") or a YouTube handle typed with its
    "@" counts. None when the handle cannot be a profile address on the platform.
    """
    address = _PROFILE_ADDRESSES.get(platform)
    if address is None or not _HANDLE.fullmatch(handle):
        return None
    if platform == "facebook" and "." not in handle or platform == "youtube" and not given.strip().startswith("@"):
        return None
    found = canonical_content(address.format(handle), platform)
    return found if found and found.kind_hint == "profile" else None


def _generic(parts: UrlParts, platform: str) -> CanonicalContent:
    """Key any other page on its host (without www./m.), path (case kept) and sorted real query."""
    host = parts.host
    for prefix in _GENERIC_HOST_PREFIXES:
        if host.startswith(prefix) and host.count(".") > 1:
            host = host[len(prefix):]
    if parts.port:
        host = f"{host}:{parts.port}"
    path = parts.path.rstrip("/")
    query = clean_query(parts)
    location = f"{host}{path}" + (f"?{query}" if query else "")
    return CanonicalContent(
        platform=platform,
        key=f"web:{location}",
        item_id=None,
        kind_hint=None,
        canonical_url=f"https://{location}",
    )
