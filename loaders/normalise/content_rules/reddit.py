"""Content keys for Reddit URLs: posts, comments, share links, communities and user profiles."""

from __future__ import annotations

import re

from ..url_parts import CanonicalContent, UrlParts, content

# Post and comment ids are lowercase base36; reddit treats them case-insensitively.
_BASE36 = re.compile(r"^[a-z0-9]{1,13}$")
_NAME = re.compile(r"^[a-z0-9_-]{2,21}$")
_CODE = re.compile(r"^[A-Za-z0-9_-]+$")
_SITE = "https://www.reddit.com"
_PROFILE_TABS = frozenset({"overview", "submitted", "comments", "about", "posts", "gilded", "upvoted"})


def reddit_content(parts: UrlParts) -> CanonicalContent | None:
    """Return the post, comment, share link, community or profile a Reddit URL points at, or None."""
    words = parts.lower_segments
    if parts.host == "redd.it":
        return _post(words[0]) if words else None
    if "comments" in words:
        found = _post_or_comment(words, words.index("comments"))
        if found:
            return found
    return _share(parts) or _profile(words) or _community(words)


def _post(post_id: str) -> CanonicalContent | None:
    if not _BASE36.match(post_id):
        return None
    return content("reddit", "post", post_id, f"{_SITE}/comments/{post_id}/", "post")


def _post_or_comment(words: tuple[str, ...], position: int) -> CanonicalContent | None:
    """'/comments/POST/slug/COMMENT' and '/comments/POST/comment/COMMENT' name one comment."""
    if position + 1 >= len(words):
        return None
    post = _post(words[position + 1])
    if post and position + 3 < len(words) and _BASE36.match(words[position + 3]):
        comment_id = words[position + 3]
        url = f"{_SITE}/comments/{post.item_id}/_/{comment_id}/"
        return content("reddit", "comment", comment_id, url, "comment")
    return post


def _share(parts: UrlParts) -> CanonicalContent | None:
    """Share links ('/r/sub/s/CODE') hide the target; the case-sensitive code is all we can key on."""
    words = parts.lower_segments
    if len(words) >= 4 and words[0] == "r" and words[2] == "s" and _CODE.match(parts.segments[3]):
        code = parts.segments[3]
        return content("reddit", "share", code, f"{_SITE}/r/{words[1]}/s/{code}", None)
    return None


def _profile(words: tuple[str, ...]) -> CanonicalContent | None:
    if len(words) < 2 or words[0] not in ("u", "user") or not _NAME.match(words[1]):
        return None
    if len(words) == 2 or words[2] in _PROFILE_TABS:
        return content("reddit", "profile", words[1], f"{_SITE}/user/{words[1]}/", "profile")
    return None


def _community(words: tuple[str, ...]) -> CanonicalContent | None:
    if len(words) >= 2 and words[0] == "r" and _NAME.match(words[1]):
        return content("reddit", "community", words[1], f"{_SITE}/r/{words[1]}/", "group")
    return None
