"""URLs of generated content: the clean form a platform sends, and the many forms people paste.

A content item's address is kept as a shape and its parts (UrlSpec). `clean_url` writes the form a platform
uses in its own referrals; `pasted_url` writes one of the variants people actually paste for the same item:
tracking parameters, mobile and alias hosts, http, trailing slashes, letter case in handles, share links.
Only variants that still identify the item from the URL alone are produced (no opaque short links).
"""

from __future__ import annotations

import random
from typing import NamedTuple

from .draw import weighted

_ALNUM = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789"
_B64 = _ALNUM + "_-"


class UrlSpec(NamedTuple):
    """The shape of an item's URL ("x_status", "fb_comment", ...) and the parts it is built from."""

    shape: str
    handle: str = ""
    item: str = ""
    parent: str = ""
    extra: str = ""


def token(rng: random.Random, length: int, alphabet: str = _ALNUM) -> str:
    """Return a random string like the opaque ids and share tokens platforms use."""
    size, bits, chars = len(alphabet), rng.getrandbits(6 * length), []
    for _ in range(length):
        chars.append(alphabet[(bits & 63) % size])
        bits >>= 6
    return "".join(chars)


def _case(rng: random.Random, handle: str) -> str:
    roll = rng.random()
    if roll < 0.6:
        return handle
    if roll < 0.85:
        return handle.lower()
    if roll < 0.95:
        return handle[:1].upper() + handle[1:]
    return handle.upper()


def _scheme(rng: random.Random) -> str:
    return "http://" if rng.random() < 0.05 else "https://"


def _pick(rng: random.Random, options: tuple[str, ...], weights: tuple[int, ...]) -> str:
    return weighted(rng, options, weights)


def clean_url(spec: UrlSpec) -> str:
    """Return the address as the platform itself writes it."""
    shape, handle, item, parent, extra = spec
    return {
        "x_status": f"https://x.com/{handle}/status/{item}",
        "x_profile": f"https://x.com/{handle}",
        "fb_post": f"https://www.facebook.com/{handle}/posts/{item}",
        "fb_group": f"https://www.facebook.com/groups/{parent}/posts/{item}/",
        "fb_comment": f"https://www.facebook.com/{parent}/posts/{extra}?comment_id={item}",
        "fb_video": f"https://www.facebook.com/watch/?v={item}",
        "fb_profile": f"https://www.facebook.com/{handle}",
        "ig_post": f"https://www.instagram.com/p/{item}/",
        "ig_reel": f"https://www.instagram.com/reel/{item}/",
        "ig_comment": f"https://www.instagram.com/p/{parent}/c/{item}/",
        "ig_profile": f"https://www.instagram.com/{handle}/",
        "tt_video": f"https://www.tiktok.com/@{handle}/video/{item}",
        "tt_photo": f"https://www.tiktok.com/@{handle}/photo/{item}",
        "tt_profile": f"https://www.tiktok.com/@{handle}",
        "yt_video": f"https://www.youtube.com/{'shorts/' + item if extra else 'watch?v=' + item}",
        "yt_live": f"https://www.youtube.com/watch?v={item}",
        "yt_comment": f"https://www.youtube.com/watch?v={parent}&lc={item}",
        "yt_profile": f"https://www.youtube.com/@{handle}",
        "rd_post": f"https://www.reddit.com/r/{parent}/comments/{item}/{extra}/",
        "rd_comment": f"https://www.reddit.com/r/{parent}/comments/{extra.split('/')[0]}/comment/{item}/",
        "rd_profile": f"https://www.reddit.com/user/{handle}/",
        "tg_post": f"https://t.me/{handle}/{item}",
        "tg_group": f"https://t.me/{parent}/{item}",
        "tg_profile": f"https://t.me/{handle}",
    }[shape]


def pasted_url(rng: random.Random, spec: UrlSpec) -> str:
    """Return one of the ways a person pastes this address."""
    return _PASTERS[spec.shape.split("_")[0]](rng, spec)


def _x(rng: random.Random, spec: UrlSpec) -> str:
    host = _pick(rng, ("x.com", "twitter.com", "mobile.twitter.com", "www.twitter.com", "mobile.x.com",
                       "www.x.com"), (40, 30, 12, 6, 6, 6))
    handle = _case(rng, spec.handle)
    if spec.shape == "x_profile":
        tail = _pick(rng, ("", "/", "?s=21", "/with_replies", "?lang=en"), (50, 20, 15, 5, 10))
        return f"{_scheme(rng)}{host}/{handle}{tail}"
    if rng.random() < 0.05:
        return f"{_scheme(rng)}{host}/i/web/status/{spec.item}"
    suffix = _pick(rng, ("", "/", "/photo/1", "/photo/2", "/video/1"), (62, 12, 16, 4, 6))
    query = _pick(rng, ("", "?s=20", f"?s=20&t={token(rng, 22, _B64)}", f"?s=46&t={token(rng, 22, _B64)}",
                        "?ref_src=twsrc%5Etfw", "?lang=en", f"?t={token(rng, 22, _B64)}&s=19"),
                  (35, 12, 20, 15, 6, 6, 6))
    return f"{_scheme(rng)}{host}/{handle}/status/{spec.item}{suffix}{query}"


def _fb_query(rng: random.Random, first: bool = True) -> str:
    joiner = "?" if first else "&"
    return _pick(rng, ("", f"{joiner}mibextid={token(rng, 6)}", f"{joiner}rdid={token(rng, 16)}",
                       f"{joiner}__cft__[0]=AZ{token(rng, 30, _B64)}&__tn__=%2CO%2CP-R", f"{joiner}app=fbl"),
                 (45, 25, 10, 12, 8))


def _fb(rng: random.Random, spec: UrlSpec) -> str:
    shape, handle, item, parent, extra = spec
    host = _pick(rng, ("www.facebook.com", "m.facebook.com", "facebook.com", "web.facebook.com",
                       "mbasic.facebook.com"), (50, 28, 10, 8, 4))
    start = f"{_scheme(rng)}{host}"
    slash = "/" if rng.random() < 0.3 else ""
    if shape == "fb_post":
        if rng.random() < 0.08:
            page = _pick(rng, ("permalink.php", "story.php"), (3, 1))
            return f"{start}/{page}?story_fbid={item}&id={extra}{_fb_query(rng, False)}"
        return f"{start}/{_case(rng, handle)}/posts/{item}{slash}{_fb_query(rng)}"
    if shape == "fb_group":
        word = _pick(rng, ("posts", "permalink"), (4, 1))
        return f"{start}/groups/{parent}/{word}/{item}/{_fb_query(rng)}"
    if shape == "fb_comment":
        return f"{start}/{parent}/posts/{extra}{slash}?comment_id={item}{_fb_query(rng, False)}"
    if shape == "fb_video":
        path = _pick(rng, (f"/watch/?v={item}", f"/watch?v={item}", f"/{handle}/videos/{item}/"), (50, 25, 25))
        return f"{start}{path}{_fb_query(rng, '?' not in path)}"
    if rng.random() < 0.1:
        return f"{start}/profile.php?id={extra}"
    return f"{start}/{_case(rng, handle)}{slash}{_fb_query(rng)}"


def _ig(rng: random.Random, spec: UrlSpec) -> str:
    shape, handle, item, parent, _ = spec
    host = _pick(rng, ("www.instagram.com", "instagram.com"), (75, 25))
    query = _pick(rng, ("", f"?igsh={token(rng, 16, _B64)}", f"?igsh={token(rng, 22, _B64)}==",
                        f"?igshid={token(rng, 12)}", "?utm_source=ig_web_copy_link",
                        f"?utm_source=ig_web_copy_link&igsh={token(rng, 16, _B64)}", "?img_index=1"),
                  (30, 25, 10, 10, 12, 8, 5))
    slash = "" if rng.random() < 0.2 else "/"
    if shape == "ig_profile":
        return f"{_scheme(rng)}{host}/{_case(rng, handle)}{slash}{query if rng.random() < 0.6 else '?hl=en'}"
    if shape == "ig_comment":
        return f"{_scheme(rng)}{host}/p/{parent}/c/{item}{slash}{query}"
    word = "p" if shape == "ig_post" else _pick(rng, ("reel", "reels"), (4, 1))
    owner = f"/{_case(rng, handle)}" if rng.random() < 0.12 else ""
    return f"{_scheme(rng)}{host}{owner}/{word}/{item}{slash}{query}"


def _tt(rng: random.Random, spec: UrlSpec) -> str:
    shape, handle, item, _, _ = spec
    host = _pick(rng, ("www.tiktok.com", "tiktok.com", "m.tiktok.com"), (75, 15, 10))
    query = _pick(rng, ("", "?is_from_webapp=1&sender_device=pc",
                        f"?is_from_webapp=1&sender_device=pc&web_id={rng.randrange(10**18, 10**19)}", "?lang=en",
                        f"?_t=ZN-{token(rng, 16)}&_r=1", f"?_r=1&_t=ZS-{token(rng, 16)}"), (25, 25, 10, 10, 20, 10))
    if shape == "tt_profile":
        return f"{_scheme(rng)}{host}/@{_case(rng, handle)}{query}"
    if shape == "tt_video" and rng.random() < 0.04:
        return f"https://m.tiktok.com/v/{item}.html"
    word = "video" if shape == "tt_video" else "photo"
    slash = "/" if rng.random() < 0.05 else ""
    return f"{_scheme(rng)}{host}/@{_case(rng, handle)}/{word}/{item}{slash}{query}"


def _yt(rng: random.Random, spec: UrlSpec) -> str:
    shape, handle, item, parent, extra = spec
    si = f"si={token(rng, 16, _B64)}"
    if shape == "yt_profile":
        host = _pick(rng, ("www.youtube.com", "youtube.com", "m.youtube.com"), (70, 15, 15))
        tail = _pick(rng, ("", "/videos", "/featured", f"?{si}", "/shorts"), (50, 20, 10, 15, 5))
        return f"{_scheme(rng)}{host}/@{_case(rng, handle)}{tail}"
    if shape == "yt_comment":
        return _pick(rng, (f"https://www.youtube.com/watch?v={parent}&lc={item}",
                           f"https://youtu.be/{parent}?lc={item}",
                           f"https://m.youtube.com/watch?v={parent}&lc={item}&feature=shared",
                           f"https://www.youtube.com/watch?lc={item}&v={parent}"), (50, 20, 20, 10))
    if extra:  # a short
        return _pick(rng, (f"https://youtube.com/shorts/{item}?{si}", f"https://www.youtube.com/shorts/{item}",
                           f"https://m.youtube.com/shorts/{item}?feature=share", f"https://youtu.be/{item}?{si}"),
                     (45, 25, 15, 15))
    options = (f"https://www.youtube.com/watch?v={item}", f"https://youtu.be/{item}",
               f"https://youtu.be/{item}?{si}", f"https://m.youtube.com/watch?v={item}&feature=shared",
               f"https://www.youtube.com/watch?v={item}&t={rng.randint(5, 900)}s",
               f"https://www.youtube.com/watch?v={item}&ab_channel={parent}",
               f"https://www.youtube.com/watch?app=desktop&v={item}", f"http://youtube.com/watch?v={item}",
               f"https://www.youtube.com/live/{item}?{si}")
    weights = (25, 15, 25, 10, 8, 7, 4, 3, 3 if shape == "yt_live" else 0)
    return _pick(rng, options, weights)


def _rd_query(rng: random.Random) -> str:
    return _pick(rng, ("", "?utm_source=share&utm_medium=web2x&context=3",
                       "?utm_source=share&utm_medium=android_app&utm_name=androidcss&utm_term=1"
                       "&utm_content=share_button",
                       f"?share_id={token(rng, 21, _B64)}&utm_content=1&utm_medium=ios_app&utm_name=ioscss"
                       "&utm_source=share&utm_term=1", f"?rdt={rng.randint(10000, 99999)}"), (40, 20, 15, 15, 10))


def _rd(rng: random.Random, spec: UrlSpec) -> str:
    shape, handle, item, parent, extra = spec
    host = _pick(rng, ("www.reddit.com", "reddit.com", "old.reddit.com", "new.reddit.com", "np.reddit.com",
                       "m.reddit.com"), (50, 15, 15, 8, 4, 8))
    subreddit = _case(rng, parent)
    if shape == "rd_profile":
        word = _pick(rng, ("user", "u"), (3, 1))
        return f"{_scheme(rng)}{host}/{word}/{_case(rng, handle)}/"
    if shape == "rd_comment":
        post, _, slug = extra.partition("/")
        if rng.random() < 0.5:
            return f"{_scheme(rng)}{host}/r/{subreddit}/comments/{post}/comment/{item}/{_rd_query(rng)}"
        return f"{_scheme(rng)}{host}/r/{subreddit}/comments/{post}/{slug}/{item}/?context=3"
    if rng.random() < 0.06:
        return f"https://redd.it/{item}"
    slug = f"{extra}/" if rng.random() < 0.8 else ""
    path = f"/r/{subreddit}/comments/{item}/{slug}"
    return f"{_scheme(rng)}{host}{path if rng.random() < 0.9 else path.rstrip('/')}{_rd_query(rng)}"


def _tg(rng: random.Random, spec: UrlSpec) -> str:
    shape, handle, item, parent, _ = spec
    host = _pick(rng, ("t.me", "telegram.me"), (85, 15))
    if shape == "tg_profile":
        return f"{_scheme(rng)}{host}/{_case(rng, handle)}"
    channel = _case(rng, handle if shape == "tg_post" else parent)
    preview = "/s" if rng.random() < 0.15 else ""
    query = _pick(rng, ("", "?single", "?embed=1"), (80, 12, 8))
    return f"{_scheme(rng)}{host}{preview}/{channel}/{item}{query}"


_PASTERS = {"x": _x, "fb": _fb, "ig": _ig, "tt": _tt, "yt": _yt, "rd": _rd, "tg": _tg}
