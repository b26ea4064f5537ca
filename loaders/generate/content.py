"""Content items: each posted by one account, with platform-appropriate ids and URL, text and features."""

from __future__ import annotations

import random
from dataclasses import dataclass

from .draw import weighted
from .identities import Account, Person, ascii_fold
from .urls import UrlSpec, token
from .vocabulary import FACEBOOK_PAGES, SUBREDDITS, TELEGRAM_GROUPS

_BASE36 = "0123456789abcdefghijklmnopqrstuvwxyz"
_B64 = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_-"
_X_EPOCH_MS = 1288834974657
_SLUG_WORDS = ("what", "do", "you", "think", "about", "this", "new", "plans", "for", "the", "town", "centre",
               "local", "council", "again", "honestly", "cannot", "believe", "people", "anymore", "video", "today")

# Kinds of item by platform, with how often each is reported.
KINDS = {
    "X": (("post", "reply", "image", "video", "profile", "direct_message"), (40, 38, 8, 4, 2, 6)),
    "Facebook": (("post", "comment", "group_message", "video", "profile", "direct_message"), (30, 30, 15, 5, 3, 15)),
    "Instagram": (("post", "image", "comment", "video", "profile", "direct_message"), (20, 10, 25, 15, 5, 20)),
    "TikTok": (("video", "image", "comment", "profile", "direct_message"), (55, 5, 25, 5, 5)),
    "YouTube": (("video", "comment", "livestream", "profile"), (50, 40, 5, 3)),
    "Reddit": (("post", "comment", "profile"), (45, 50, 3)),
    "Telegram": (("post", "group_message", "direct_message"), (40, 35, 25)),
}
PUBLIC_KINDS = {platform: tuple(kind for kind in kinds if kind not in ("direct_message", "profile"))
                for platform, (kinds, _) in KINDS.items()}
DM_PLATFORMS = ("Instagram", "X", "Facebook", "Telegram", "TikTok")


@dataclass(slots=True)
class Item:
    """One piece of online material: a post, reply, comment, video, message or profile."""

    id: str
    platform: str
    kind: str
    author: Account
    text: str
    text_group: str | None
    posted: int
    url: UrlSpec | None
    strands: tuple[str, ...]
    features: tuple[str, ...]
    audience: int | None


class ContentMaker:
    """Makes items with unique ids; a profile is one item however often it is reported."""

    def __init__(self, rng: random.Random) -> None:
        self._rng = rng
        self._next = 0
        self._profiles: dict[str, Item] = {}
        self._group_messages: dict[str, int] = {}

    def draw_kind(self, platform: str, *, public_only: bool = False) -> str:
        """Return a kind of item for the platform, in proportion to how often each is reported."""
        kinds, weights = KINDS[platform]
        if public_only:
            allowed = PUBLIC_KINDS[platform]
            pairs = [(k, w) for k, w in zip(kinds, weights) if k in allowed]
            kinds, weights = tuple(k for k, _ in pairs), tuple(w for _, w in pairs)
        return weighted(self._rng, kinds, weights)

    def make(
        self,
        account: Account,
        kind: str,
        *,
        text: str,
        strands: tuple[str, ...],
        features: tuple[str, ...],
        posted: int,
        text_group: str | None = None,
        victim: Person | None = None,
    ) -> Item:
        """Return a new item by the account (or the account's one profile item when kind is "profile")."""
        if kind == "profile" and account.id in self._profiles:
            return self._profiles[account.id]
        self._next += 1
        item = Item(
            id=f"I{self._next:07d}", platform=account.platform, kind=kind, author=account, text=text,
            text_group=text_group, posted=posted, url=self._url(account, kind, posted, victim),
            strands=strands, features=features, audience=self._audience(account, kind),
        )
        if kind == "profile":
            self._profiles[account.id] = item
        return item

    def _audience(self, account: Account, kind: str) -> int | None:
        if kind == "direct_message":
            return None
        if kind == "group_message":
            return self._rng.choice((850, 2400, 5600, 12000, 31000))
        return account.followers

    def _url(self, account: Account, kind: str, posted: int, victim: Person | None) -> UrlSpec | None:
        rng = self._rng
        platform, handle = account.platform, account.handle
        if kind == "direct_message" or (platform == "TikTok" and kind == "comment"):
            return None
        if kind == "profile":
            shape = {"X": "x_profile", "Facebook": "fb_profile", "Instagram": "ig_profile",
                     "TikTok": "tt_profile", "YouTube": "yt_profile", "Reddit": "rd_profile",
                     "Telegram": "tg_profile"}[platform]
            return UrlSpec(shape, handle=handle, extra=account.numeric_id)
        if platform == "X":
            status = ((posted * 1000 - _X_EPOCH_MS) << 22) + rng.getrandbits(22)
            return UrlSpec("x_status", handle=handle, item=str(status))
        if platform == "Facebook":
            return self._facebook(account, kind, victim)
        if platform == "Instagram":
            code = token(rng, 11, _B64)
            if kind == "comment":
                return UrlSpec("ig_comment", item=str(rng.randrange(10**16, 10**18)), parent=code)
            return UrlSpec("ig_reel" if kind == "video" else "ig_post", handle=handle, item=code)
        if platform == "TikTok":
            video = (posted << 32) + rng.getrandbits(32)
            return UrlSpec("tt_photo" if kind == "image" else "tt_video", handle=handle, item=str(video))
        if platform == "YouTube":
            return self._youtube(account, kind)
        if platform == "Reddit":
            subreddit, post = rng.choice(SUBREDDITS), token(rng, 7, _BASE36)
            slug = "_".join(rng.sample(_SLUG_WORDS, rng.randint(3, 6)))
            if kind == "comment":
                return UrlSpec("rd_comment", item=token(rng, 7, _BASE36), parent=subreddit, extra=f"{post}/{slug}")
            return UrlSpec("rd_post", handle=handle, item=post, parent=subreddit, extra=slug)
        if kind == "group_message":
            group = rng.choice(TELEGRAM_GROUPS)
            self._group_messages[group] = self._group_messages.get(group, rng.randint(1000, 90000)) + rng.randint(1, 40)
            return UrlSpec("tg_group", item=str(self._group_messages[group]), parent=group)
        if not account.message_counter:
            account.message_counter = rng.randint(50, 4000)
        account.message_counter += rng.randint(1, 9)
        return UrlSpec("tg_post", handle=handle, item=str(account.message_counter))

    def _facebook(self, account: Account, kind: str, victim: Person | None) -> UrlSpec:
        rng = self._rng
        post = str(rng.randrange(10**15, 10**17))
        if kind == "comment":
            owner = (f"{ascii_fold(victim.first)}.{ascii_fold(victim.last)}.{int(victim.id[1:]) % 9000 + 1000}"
                     if victim is not None and rng.random() < 0.6 else rng.choice(FACEBOOK_PAGES))
            return UrlSpec("fb_comment", item=str(rng.randrange(10**14, 10**16)), parent=owner, extra=post)
        if kind == "group_message":
            return UrlSpec("fb_group", item=post, parent=str(rng.randrange(10**6, 10**15)))
        if kind == "video":
            return UrlSpec("fb_video", handle=account.handle, item=post)
        return UrlSpec("fb_post", handle=account.handle, item=post, extra=account.numeric_id)

    def _youtube(self, account: Account, kind: str) -> UrlSpec:
        rng = self._rng
        video = token(rng, 11, _B64)
        if kind == "comment":
            return UrlSpec("yt_comment", item=f"Ugx{token(rng, 19, _B64)}4AaABAg", parent=video)
        channel = "".join(word for word in account.display_name.split() if word.isalnum()) or account.handle
        short = "short" if kind == "video" and rng.random() < 0.3 else ""
        return UrlSpec("yt_live" if kind == "livestream" else "yt_video", handle=account.handle, item=video,
                       parent=channel, extra=short)
