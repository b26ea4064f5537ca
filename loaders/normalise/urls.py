"""Canonical content keys for pasted URLs, so one post reported many ways is recognised as one."""

from __future__ import annotations

from .content_rules import RULES_BY_PLATFORM
from .platforms import normalise_platform, platform_from_host
from .url_parts import CanonicalContent, UrlParts, clean_query, parse_url

__all__ = ["CanonicalContent", "canonical_content"]

_GENERIC_HOST_PREFIXES = ("www.", "m.")


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
