"""Content keys for YouTube URLs: videos, comments, community posts, playlists and channels."""

from __future__ import annotations

import re

from ..url_parts import CanonicalContent, UrlParts, content

# Video ids are case-sensitive: 'dQw4w9WgXcQ' and 'dqw4w9wgxcq' are different videos.
_VIDEO_ID = re.compile(r"^[A-Za-z0-9_-]{11}$")
_CHANNEL_ID = re.compile(r"^UC[A-Za-z0-9_-]{22}$")
_TOKEN = re.compile(r"^[A-Za-z0-9._-]+$")
_HANDLE = re.compile(r"^@[A-Za-z0-9._-]{3,30}$")
_SITE = "https://www.youtube.com"
_VIDEO_PATH_WORDS = frozenset({"shorts", "embed", "live", "v", "e", "watch"})
_LEGACY_CHANNEL_WORDS = frozenset({"c", "user"})


def youtube_content(parts: UrlParts) -> CanonicalContent | None:
    """Return the video, comment, post, playlist or channel a YouTube URL points at, or None."""
    video = _video(parts)
    if video:
        comment_id = parts.param("lc")
        if comment_id and _TOKEN.match(comment_id):
            url = f"{video.canonical_url}&lc={comment_id}"
            return content("youtube", "comment", comment_id, url, "comment")
        return video
    return _post(parts) or _playlist(parts) or _channel(parts)


def _video(parts: UrlParts) -> CanonicalContent | None:
    segments, words = parts.segments, parts.lower_segments
    video_id = None
    if parts.host.endswith("youtu.be"):
        video_id = segments[0] if segments else None
    elif words[:1] == ("watch",) and len(words) == 1:
        video_id = parts.param("v")
    elif len(words) >= 2 and words[0] in _VIDEO_PATH_WORDS:
        video_id = segments[1]
    if video_id and _VIDEO_ID.match(video_id):
        return content("youtube", "video", video_id, f"{_SITE}/watch?v={video_id}", "video")
    return None


def _post(parts: UrlParts) -> CanonicalContent | None:
    words = parts.lower_segments
    if len(words) >= 2 and words[0] == "post" and _TOKEN.match(parts.segments[1]):
        post_id = parts.segments[1]
        return content("youtube", "post", post_id, f"{_SITE}/post/{post_id}", "post")
    return None


def _playlist(parts: UrlParts) -> CanonicalContent | None:
    playlist_id = parts.param("list")
    if parts.lower_segments[:1] == ("playlist",) and playlist_id and _TOKEN.match(playlist_id):
        return content("youtube", "playlist", playlist_id, f"{_SITE}/playlist?list={playlist_id}", None)
    return None


def _channel(parts: UrlParts) -> CanonicalContent | None:
    """Handles and legacy names ignore case; 'UC...' channel ids do not."""
    segments, words = parts.segments, parts.lower_segments
    if words and _HANDLE.match(words[0]):
        channel, path = words[0], words[0]
    elif len(words) >= 2 and words[0] == "channel" and _CHANNEL_ID.match(segments[1]):
        channel, path = segments[1], f"channel/{segments[1]}"
    elif len(words) >= 2 and words[0] in _LEGACY_CHANNEL_WORDS and _TOKEN.match(words[1]):
        channel = path = f"{words[0]}/{words[1]}"
    else:
        return None
    return content("youtube", "channel", channel, f"{_SITE}/{path}", "profile")
