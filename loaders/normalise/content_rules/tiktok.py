"""Content keys for TikTok URLs: videos and photo posts, short links and profiles."""

from __future__ import annotations

import re

from ..url_parts import CanonicalContent, UrlParts, content

_NUMERIC = re.compile(r"^\d+$")
_CODE = re.compile(r"^[A-Za-z0-9_-]+$")
_USERNAME = re.compile(r"^@[A-Za-z0-9._]{1,24}$")
_SHORT_LINK_HOSTS = ("vm.tiktok.com", "vt.tiktok.com")
# Videos and photo posts share one id space, so both are keyed as posts.
_POST_WORDS = {"video": "video", "photo": "image"}


def tiktok_content(parts: UrlParts) -> CanonicalContent | None:
    """Return the post, short link or profile a TikTok URL points at, or None."""
    segments, words = parts.segments, parts.lower_segments
    if parts.host in _SHORT_LINK_HOSTS:
        return _short_link(segments[:1], f"https://{parts.host}")
    if len(words) >= 2 and words[0] == "t":
        return _short_link(segments[1:2], "https://www.tiktok.com/t")
    if len(words) >= 3 and _USERNAME.match(words[0]) and words[1] in _POST_WORDS:
        return _post(words[2], words[0], _POST_WORDS[words[1]])
    if len(words) >= 2 and words[0] in ("v", "embed"):
        return _post(words[-1].removesuffix(".html"), "@", "video")
    if words and _USERNAME.match(words[0]) and (len(words) == 1 or words[1] == "live"):
        user = words[0][1:]
        return content("tiktok", "profile", user, f"https://www.tiktok.com/@{user}", "profile")
    return None


def _post(post_id: str, author: str, kind_hint: str) -> CanonicalContent | None:
    """A post keyed on its id; `author` is '@user' from the path, or '@' when the URL names no one."""
    if not _NUMERIC.match(post_id):
        return None
    word = "photo" if kind_hint == "image" else "video"
    return content("tiktok", "post", post_id, f"https://www.tiktok.com/{author}/{word}/{post_id}", kind_hint,
                   author[1:] or None)


def _short_link(code_segment: tuple[str, ...], base_url: str) -> CanonicalContent | None:
    """Short links hide the target; the case-sensitive code is all we can key on."""
    if not code_segment or not _CODE.match(code_segment[0]):
        return None
    code = code_segment[0]
    return content("tiktok", "short", code, f"{base_url}/{code}/", None)
