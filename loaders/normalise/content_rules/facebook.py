"""Content keys for Facebook URLs: posts, comments, videos, photos, share links, groups and profiles."""

from __future__ import annotations

import re

from ..url_parts import CanonicalContent, UrlParts, content

_NUMERIC = re.compile(r"^\d+$")
_PFBID = re.compile(r"^pfbid[A-Za-z0-9]+$")
_NAME = re.compile(r"^[A-Za-z0-9.\-]+$")
_CODE = re.compile(r"^[A-Za-z0-9_=\-]+$")
_SITE = "https://www.facebook.com"
_PROFILE_TABS = frozenset({
    "about", "photos", "friends", "videos", "posts", "reels", "followers", "following", "groups",
    "likes", "events", "mentions", "reviews", "community", "about_overview", "photos_by",
})
_NOT_PROFILES = frozenset({
    "home.php", "watch", "groups", "events", "marketplace", "login", "login.php", "pages", "gaming",
    "help", "policies", "privacy", "settings", "notifications", "messages", "friends", "search",
    "hashtag", "stories", "reel", "reels", "share", "sharer", "sharer.php", "photo", "photo.php",
    "permalink.php", "story.php", "profile.php", "video.php", "dialog", "l.php", "plugins",
    "business", "ads", "people", "bookmarks", "feeds", "saved", "memories", "fundraisers", "live",
})


def facebook_content(parts: UrlParts) -> CanonicalContent | None:
    """Return the post, comment, video, photo, share, thread, group or profile a Facebook URL points at."""
    segments = parts.segments
    if parts.host.endswith("fb.watch"):
        if segments and _CODE.match(segments[0]):
            return content("facebook", "short", segments[0], f"https://fb.watch/{segments[0]}/", "video")
        return None
    words = parts.lower_segments
    post = _post(parts, words)
    if post:
        return _with_comment(post, parts)
    for rule in (_video, _photo, _share, _thread, _group, _profile):
        found = rule(parts, words)
        if found:
            return found
    return None


def _post(parts: UrlParts, words: tuple[str, ...]) -> CanonicalContent | None:
    segments = parts.segments
    story_fbid = parts.param("story_fbid")
    if words and words[0] in ("permalink.php", "story.php") and story_fbid:
        owner = parts.param("id")
        owner = owner if owner and _NAME.match(owner) else None
        owner_query = f"&id={owner}" if owner else ""
        return _post_content(owner, story_fbid, f"{_SITE}/permalink.php?story_fbid={story_fbid}{owner_query}")
    if len(words) >= 2 and words[0] == "groups":
        if len(words) >= 4 and words[2] in ("posts", "permalink"):
            post_id = segments[3]
        else:
            post_id = (parts.param("multi_permalinks") or "").split(",")[0]
        group = words[1]
        if post_id:
            return _post_content(group, post_id, f"{_SITE}/groups/{group}/posts/{post_id}/")
        return None
    if len(words) >= 3 and words[1] == "posts" and words[0] not in _NOT_PROFILES:
        owner = segments[0].lower()
        return _post_content(owner, segments[2], f"{_SITE}/{owner}/posts/{segments[2]}")
    return None


def _post_content(owner: str | None, post_id: str, canonical_url: str) -> CanonicalContent | None:
    """Key a post on its id alone: Facebook post ids (numeric story_fbid or pfbid) are globally unique,
    so a permalink.php link and a /<page>/posts/ link to the same post get the same key."""
    if owner is not None and not _NAME.match(owner):
        return None
    if _PFBID.match(post_id):
        return content("facebook", "post", post_id, canonical_url, "post")
    if not _NUMERIC.match(post_id):
        return None
    return content("facebook", "post", post_id, canonical_url, "post")


def _with_comment(post: CanonicalContent, parts: UrlParts) -> CanonicalContent:
    comment_id = parts.param("reply_comment_id") or parts.param("comment_id")
    if not comment_id or not _CODE.match(comment_id):
        return post
    separator = "&" if "?" in post.canonical_url else "?"
    url = f"{post.canonical_url}{separator}comment_id={comment_id}"
    return content("facebook", "comment", f"{post.item_id}_{comment_id}", url, "comment")


def _video(parts: UrlParts, words: tuple[str, ...]) -> CanonicalContent | None:
    video_id = None
    if words[:1] in (("watch",), ("video.php",)) or words[:2] == ("watch", "live"):
        video_id = parts.param("v")
    elif len(words) >= 2 and words[0] == "reel":
        video_id = words[1]
    elif len(words) >= 3 and words[1] == "videos":
        video_id = _last_number(words[2:])
    if video_id and _NUMERIC.match(video_id):
        return content("facebook", "video", video_id, f"{_SITE}/watch/?v={video_id}", "video")
    return None


def _photo(parts: UrlParts, words: tuple[str, ...]) -> CanonicalContent | None:
    photo_id = None
    if words[:1] in (("photo.php",), ("photo",)):
        photo_id = parts.param("fbid")
    elif len(words) >= 3 and words[1] == "photos":
        photo_id = _last_number(words[2:])
    if photo_id and _NUMERIC.match(photo_id):
        return content("facebook", "photo", photo_id, f"{_SITE}/photo/?fbid={photo_id}", "image")
    return None


def _share(parts: UrlParts, words: tuple[str, ...]) -> CanonicalContent | None:
    """Share links ('/share/p/CODE') hide the target; the case-sensitive code is all we can key on."""
    if not words or words[0] != "share" or len(words) < 2:
        return None
    path = parts.segments[1:3] if len(words) >= 3 and len(words[1]) == 1 else parts.segments[1:2]
    code = path[-1]
    if not _CODE.match(code):
        return None
    return content("facebook", "share", code, f"{_SITE}/share/{'/'.join(path)}/", None)


def _thread(parts: UrlParts, words: tuple[str, ...]) -> CanonicalContent | None:
    if words[:1] != ("messages",) or "t" not in words:
        return None
    position = words.index("t")
    if position + 1 < len(words) and _NUMERIC.match(words[position + 1]):
        thread = words[position + 1]
        return content("facebook", "dm_thread", thread, f"{_SITE}/messages/t/{thread}/", "message")
    return None


def _group(parts: UrlParts, words: tuple[str, ...]) -> CanonicalContent | None:
    if len(words) >= 2 and words[0] == "groups" and _NAME.match(words[1]):
        return content("facebook", "group", words[1], f"{_SITE}/groups/{words[1]}/", "group")
    return None


def _profile(parts: UrlParts, words: tuple[str, ...]) -> CanonicalContent | None:
    profile_id = None
    if words[:1] == ("profile.php",):
        profile_id = parts.param("id")
    elif len(words) >= 3 and words[0] in ("people", "pages"):
        profile_id = _last_number(words[2:])
    if profile_id and _NUMERIC.match(profile_id):
        return content("facebook", "profile", profile_id, f"{_SITE}/profile.php?id={profile_id}", "profile")
    is_profile_path = len(words) == 1 or (len(words) == 2 and words[1] in _PROFILE_TABS)
    if words and is_profile_path and words[0] not in _NOT_PROFILES and _NAME.match(words[0]):
        name = words[0]
        if _NUMERIC.match(name):
            return content("facebook", "profile", name, f"{_SITE}/profile.php?id={name}", "profile")
        return content("facebook", "profile", name, f"{_SITE}/{name}", "profile")
    return None


def _last_number(words: tuple[str, ...]) -> str | None:
    numbers = [word for word in words if _NUMERIC.match(word)]
    return numbers[-1] if numbers else None
