"""Parsing of pasted URLs into the parts the content rules read, and the result type they build."""

from __future__ import annotations

import re
from dataclasses import dataclass
from urllib.parse import parse_qsl, unquote, urlencode, urlsplit


@dataclass(frozen=True, slots=True)
class CanonicalContent:
    """One piece of online content, identified independently of how its URL was written."""

    platform: str
    key: str
    item_id: str | None
    kind_hint: str | None
    canonical_url: str
    author: str | None = None  # the posting account's handle, where the URL names it (x.com/<handle>/status/...)


@dataclass(frozen=True, slots=True)
class UrlParts:
    """A parsed http(s) URL: lowercase host, decoded path segments, query and fragment."""

    host: str
    port: int | None
    path: str
    segments: tuple[str, ...]
    query: tuple[tuple[str, str], ...]
    fragment: str

    @property
    def lower_segments(self) -> tuple[str, ...]:
        """Return the path segments lowercased, for matching the words of a path."""
        return tuple(segment.lower() for segment in self.segments)

    def param(self, name: str) -> str | None:
        """Return the first non-blank value of a query parameter, or None."""
        for key, value in self.query:
            if key == name and value.strip():
                return value.strip()
        return None


# Query parameters that only track how a link was shared; they never identify content.
TRACKING_PARAMS = frozenset({
    "s", "t", "si", "igsh", "igshid", "mibextid", "ref", "ref_src", "ref_url", "refsrc", "fbclid",
    "gclid", "dclid", "msclkid", "yclid", "mc_cid", "mc_eid", "feature", "lang", "share_id",
    "share_app_id", "share_link_id", "is_from_webapp", "sender_device", "sender_web_id", "web_id",
    "is_copy_url", "_r", "_t", "_d", "pp", "rdt", "context", "sh", "app", "_rdr", "rdid", "hc_ref",
    "__tn__", "single", "embed_source", "utm",
})
TRACKING_PREFIXES = ("utm_", "__cft__", "_branch", "hsa_")

_SCHEME = re.compile(r"^[a-z][a-z0-9+.-]*://", re.IGNORECASE)
_HOST = re.compile(
    r"^(?=.{1,253}$)(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+(?:[a-z]{2,63}|xn--[a-z0-9-]{1,59})$"
)
_IPV4 = re.compile(r"^\d{1,3}(?:\.\d{1,3}){3}$")
_WRAPPERS = "<>\"'"


def is_tracking_param(name: str) -> bool:
    """Return True when a query parameter only records sharing or campaign details."""
    lowered = name.lower()
    return lowered in TRACKING_PARAMS or lowered.startswith(TRACKING_PREFIXES)


def parse_url(url: str) -> UrlParts | None:
    """Return the parts of a pasted http(s) URL (scheme optional), or None when it is not one."""
    if not isinstance(url, str):
        return None
    text = url.strip().strip(_WRAPPERS).strip()
    if not text or any(char.isspace() for char in text):
        return None
    if text.startswith("//"):
        text = "https:" + text
    elif not _SCHEME.match(text):
        text = "https://" + text
    try:
        split = urlsplit(text)
        port = split.port
    except ValueError:
        return None
    if split.scheme.lower() not in ("http", "https") or "@" in split.netloc:
        return None
    host = _clean_host(split.hostname or "")
    if host is None:
        return None
    segments = tuple(unquote(part) for part in split.path.split("/") if part)
    query = tuple(parse_qsl(split.query, keep_blank_values=True))
    if port in (80, 443):
        port = None
    return UrlParts(
        host=host, port=port, path=split.path, segments=segments, query=query, fragment=split.fragment
    )


def _clean_host(hostname: str) -> str | None:
    host = hostname.lower().rstrip(".")
    try:
        host = host.encode("idna").decode("ascii")
    except UnicodeError:
        return None
    if _HOST.match(host) or _IPV4.match(host):
        return host
    return None


def clean_query(parts: UrlParts) -> str:
    """Return the URL's non-tracking query parameters, sorted and encoded, without the leading '?'."""
    kept = sorted((key, value) for key, value in parts.query if not is_tracking_param(key))
    return urlencode(kept)


def content(
    platform: str, kind: str, item_id: str, canonical_url: str, kind_hint: str | None, author: str | None = None
) -> CanonicalContent:
    """Return the CanonicalContent keyed '<platform>:<kind>:<item_id>'."""
    return CanonicalContent(
        platform=platform,
        key=f"{platform}:{kind}:{item_id}",
        item_id=item_id,
        kind_hint=kind_hint,
        canonical_url=canonical_url,
        author=author,
    )
