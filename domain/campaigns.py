"""Co-ordinated abuse as campaigns: pile-ons, copy-paste groups, and the two merged where they share accounts.

Pure: posts go in, `Campaign`s come out, each with its evidence in plain words.

- A pile-on is at least `min_accounts` distinct accounts posting at one target within `window`. A post's target is
  its victim when one is named, otherwise its target group; a post naming neither cannot join a pile-on. Posts are
  sorted by time per target and swept with two pointers: for each post, the shortest run of posts ending at it that
  holds `min_accounts` distinct accounts qualifies when it spans at most `window`; qualifying runs that share a post
  are merged into one campaign, so a sustained pile-on may span longer than one window. O(n log n) for the sort.
- A copy-paste group is at least `min_accounts` distinct accounts posting items of one text group (text groups come
  from near-duplicate detection, `domain.textsim`).
- A pile-on and a copy-paste group whose accounts have Jaccard similarity >= `min_jaccard` (0.5) become one campaign
  of kind "both"; the links are followed transitively, so every campaign appears in exactly one result.

Strength, 0..1, is breadth × tightness:

    breadth    1 - 0.5 ** (accounts / min_accounts): 0.5 at the minimum number of accounts, 0.75 at twice it
    tightness  1 / (1 + span / timescale): near 1 for a burst, 0.5 when the posts span one timescale (the pile-on
               window; COPY_PASTE_TIMESCALE, 7 days, for copy-paste groups)

and a merged campaign has 1 - (1 - a)(1 - b)...: the strengths of its parts combined as independent signals.

Ids are stable: the kind and a hash of the sorted accounts and items, so the same posts give the same id in any
input order and on every run, and two campaigns of one kind never share an id (they never share an item).
"""

from __future__ import annotations

import hashlib
from collections import Counter, defaultdict
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from typing import Literal

CampaignKind = Literal["pile_on", "copy_paste", "both"]
COPY_PASTE_TIMESCALE = timedelta(days=7)


@dataclass(frozen=True, slots=True)
class Post:
    """One item posted by one account, with its target (victim and/or group) and its near-duplicate text group."""

    item: str
    account: str
    victim: str | None
    target_group: str | None
    posted_at: datetime
    text_group: str | None

    def __post_init__(self) -> None:
        if not self.item:
            raise ValueError(f"Post {self!r}: item must be a non-empty id")
        if not self.account:
            raise ValueError(f"Post {self.item}: account must be a non-empty id")
        if self.posted_at.tzinfo is None:
            raise ValueError(f"Post {self.item}: posted_at {self.posted_at} has no time zone; pass an aware datetime")


@dataclass(frozen=True)
class Campaign:
    """Accounts acting together against victims or groups: who, against whom, which items, when, how strongly, why."""

    id: str
    kind: CampaignKind
    accounts: frozenset[str]
    victims: frozenset[str]
    items: frozenset[str]
    start: datetime
    end: datetime
    strength: float
    evidence: list[str] = field(hash=False)
    target_groups: frozenset[str] = frozenset()


def campaign_id(kind: CampaignKind, accounts: Iterable[str], items: Iterable[str]) -> str:
    """Return the stable id of a campaign: its kind and a hash of its sorted accounts and items."""
    members = "\x1f".join(sorted(accounts)) + "\x1e" + "\x1f".join(sorted(items))
    return f"{kind}:{hashlib.sha256(members.encode()).hexdigest()[:16]}"


def find_campaigns(
    posts: Iterable[Post],
    *,
    window: timedelta = timedelta(hours=24),
    min_pile_on_accounts: int = 5,
    min_copy_paste_accounts: int = 3,
    min_jaccard: float = 0.5,
    copy_paste_window: timedelta | None = timedelta(hours=24),
) -> list[Campaign]:
    """Return all campaigns in the posts: pile-ons and copy-paste groups, merged where they share most accounts."""
    posts = list(posts)
    pile_ons = detect_pile_ons(posts, window=window, min_accounts=min_pile_on_accounts)
    copy_pastes = copy_paste_campaigns(posts, min_accounts=min_copy_paste_accounts, window=copy_paste_window)
    return merge_campaigns(pile_ons, copy_pastes, min_jaccard=min_jaccard)


def detect_pile_ons(
    posts: Iterable[Post], *, window: timedelta = timedelta(hours=24), min_accounts: int = 5
) -> list[Campaign]:
    """Return pile-ons: at least min_accounts distinct accounts posting at one victim or target group within window."""
    if window <= timedelta(0):
        raise ValueError(f"detect_pile_ons: window must be positive, got {window}")
    _check_min_accounts("detect_pile_ons", min_accounts)
    by_target: dict[tuple[str, str], list[Post]] = defaultdict(list)
    for post in posts:
        if post.victim:
            by_target[("victim", post.victim)].append(post)
        elif post.target_group:
            by_target[("target group", post.target_group)].append(post)
    campaigns = []
    for (target_kind, target), targeted in by_target.items():
        targeted.sort(key=lambda post: (post.posted_at, post.item))
        for start, stop in _bursts(targeted, window, min_accounts):
            burst = targeted[start:stop]
            breadth, tightness = _breadth_tightness(burst, min_accounts, window)
            accounts = len({post.account for post in burst})
            evidence = [
                f"{accounts} distinct accounts posted {_count(len(burst), 'item')} at {target_kind} {target} "
                f"within {_duration(burst[-1].posted_at - burst[0].posted_at)}, "
                f"at least {min_accounts} of them within {_duration(window)}",
                _span(burst),
                f"strength {breadth * tightness:.2f} = breadth {breadth:.2f} × tightness {tightness:.2f}",
            ]
            campaigns.append(_campaign("pile_on", burst, breadth * tightness, evidence))
    return sorted(campaigns, key=_order)


def copy_paste_campaigns(
    posts: Iterable[Post], *, min_accounts: int = 3, window: timedelta | None = None
) -> list[Campaign]:
    """Return copy-paste groups: at least min_accounts distinct accounts posting items of one text group.

    With a `window`, a text group is cut into bursts (at least min_accounts accounts within the window), so
    the same common words turning up months apart are not taken for one coordinated campaign.
    """
    _check_min_accounts("copy_paste_campaigns", min_accounts)
    by_text: dict[str, list[Post]] = defaultdict(list)
    for post in posts:
        if post.text_group:
            by_text[post.text_group].append(post)
    campaigns = []
    for text_group, whole in by_text.items():
        whole.sort(key=lambda post: (post.posted_at, post.item))
        segments = [(0, len(whole))] if window is None else list(_bursts(whole, window, min_accounts))
        for start, stop in segments:
            group = whole[start:stop]
            campaign = _copy_paste(text_group, group, min_accounts)
            if campaign:
                campaigns.append(campaign)
    return sorted(campaigns, key=_order)


def _copy_paste(text_group: str, group: list[Post], min_accounts: int) -> Campaign | None:
    accounts = len({post.account for post in group})
    if accounts < min_accounts:
        return None
    breadth, tightness = _breadth_tightness(group, min_accounts, COPY_PASTE_TIMESCALE)
    victims = {post.victim for post in group if post.victim}
    evidence = [
        f"{accounts} distinct accounts posted the same text (text group {text_group}) "
        f"in {_count(len(group), 'item')}" + (f" at {_count(len(victims), 'victim')}" if victims else ""),
        _span(group),
        f"strength {breadth * tightness:.2f} = breadth {breadth:.2f} × tightness {tightness:.2f}",
    ]
    return _campaign("copy_paste", group, breadth * tightness, evidence)


def merge_campaigns(
    pile_ons: Sequence[Campaign], copy_pastes: Sequence[Campaign], *, min_jaccard: float = 0.5
) -> list[Campaign]:
    """Return every campaign once, a pile-on and a copy-paste group sharing most accounts merged into kind "both"."""
    for expected, campaigns in (("pile_on", pile_ons), ("copy_paste", copy_pastes)):
        for campaign in campaigns:
            if campaign.kind != expected:
                raise ValueError(f"merge_campaigns: campaign {campaign.id} is {campaign.kind}, expected {expected}")
    if not 0 < min_jaccard <= 1:
        raise ValueError(f"merge_campaigns: min_jaccard must be in (0, 1], got {min_jaccard}")
    everything = [*pile_ons, *copy_pastes]
    parent = list(range(len(everything)))

    def root(index: int) -> int:
        while parent[index] != index:
            parent[index] = parent[parent[index]]
            index = parent[index]
        return index

    by_account: dict[str, list[int]] = defaultdict(list)
    for index, campaign in enumerate(copy_pastes, start=len(pile_ons)):
        for account in campaign.accounts:
            by_account[account].append(index)
    links: dict[int, list[str]] = defaultdict(list)
    for index, pile_on in enumerate(pile_ons):
        candidates = {other for account in pile_on.accounts for other in by_account.get(account, ())}
        for other in sorted(candidates):
            copy_paste = everything[other]
            shared = len(pile_on.accounts & copy_paste.accounts)
            jaccard = shared / len(pile_on.accounts | copy_paste.accounts)
            if jaccard >= min_jaccard:
                parent[root(other)] = root(index)
                links[index].append(
                    f"pile-on {pile_on.id} and copy-paste {copy_paste.id} share {shared} of "
                    f"{len(pile_on.accounts | copy_paste.accounts)} accounts (Jaccard {jaccard:.2f})"
                )
    components: dict[int, list[int]] = defaultdict(list)
    for index in range(len(everything)):
        components[root(index)].append(index)
    merged = []
    for members in components.values():
        if len(members) == 1:
            merged.append(everything[members[0]])
            continue
        parts = [everything[index] for index in members]
        evidence = [line for index in members for line in links.get(index, ())]
        evidence += [f"{part.kind.replace('_', '-')} {part.id}: {line}" for part in parts for line in part.evidence]
        merged.append(_merged(parts, evidence))
    return sorted(merged, key=_order)


def _bursts(posts: Sequence[Post], window: timedelta, min_accounts: int) -> Iterator[tuple[int, int]]:
    """Yield [start, stop) index ranges of time-sorted posts where runs of min_accounts accounts fit in window."""
    counts: Counter[str] = Counter()
    left = 0
    current: list[int] | None = None
    for right, post in enumerate(posts):
        counts[post.account] += 1
        # Move left as far as the run [left, right] keeps min_accounts distinct accounts; it never moves back.
        while left < right and (counts[posts[left].account] > 1 or len(counts) > min_accounts):
            counts[posts[left].account] -= 1
            if not counts[posts[left].account]:
                del counts[posts[left].account]
            left += 1
        if len(counts) >= min_accounts and post.posted_at - posts[left].posted_at <= window:
            if current is not None and left < current[1]:
                current[1] = right + 1
            else:
                if current is not None:
                    yield current[0], current[1]
                current = [left, right + 1]
    if current is not None:
        yield current[0], current[1]


def _breadth_tightness(posts: Sequence[Post], min_accounts: int, timescale: timedelta) -> tuple[float, float]:
    accounts = len({post.account for post in posts})
    span = max(post.posted_at for post in posts) - min(post.posted_at for post in posts)
    return 1 - 0.5 ** (accounts / min_accounts), 1 / (1 + span / timescale)


def _campaign(kind: CampaignKind, posts: Sequence[Post], strength: float, evidence: list[str]) -> Campaign:
    accounts = frozenset(post.account for post in posts)
    items = frozenset(post.item for post in posts)
    return Campaign(
        id=campaign_id(kind, accounts, items),
        kind=kind,
        accounts=accounts,
        victims=frozenset(post.victim for post in posts if post.victim),
        items=items,
        start=min(post.posted_at for post in posts),
        end=max(post.posted_at for post in posts),
        strength=strength,
        evidence=evidence,
        target_groups=frozenset(post.target_group for post in posts if post.target_group),
    )


def _merged(parts: Sequence[Campaign], evidence: list[str]) -> Campaign:
    accounts = frozenset().union(*(part.accounts for part in parts))
    items = frozenset().union(*(part.items for part in parts))
    doubt = 1.0
    for part in parts:
        doubt *= 1 - part.strength
    return Campaign(
        id=campaign_id("both", accounts, items),
        kind="both",
        accounts=accounts,
        victims=frozenset().union(*(part.victims for part in parts)),
        items=items,
        start=min(part.start for part in parts),
        end=max(part.end for part in parts),
        strength=1 - doubt,
        evidence=[f"strength {1 - doubt:.2f} combines {len(parts)} campaigns as independent signals", *evidence],
        target_groups=frozenset().union(*(part.target_groups for part in parts)),
    )


def _check_min_accounts(caller: str, min_accounts: int) -> None:
    if min_accounts < 2:
        raise ValueError(f"{caller}: min_accounts must be at least 2 (accounts acting together), got {min_accounts}")


def _order(campaign: Campaign) -> tuple[datetime, str]:
    return campaign.start, campaign.id


def _span(posts: Sequence[Post]) -> str:
    first, last = posts[0].posted_at, posts[-1].posted_at
    return f"from {first.isoformat(timespec='minutes')} to {last.isoformat(timespec='minutes')}"


def _count(number: int, noun: str) -> str:
    return f"{number} {noun}" if number == 1 else f"{number} {noun}s"


def _duration(span: timedelta) -> str:
    """Return a span in plain words at two units at most: "45 minutes", "3 hours 20 minutes", "2 days 4 hours"."""
    minutes = int(span.total_seconds() // 60)
    days, hours, minutes = minutes // 1440, minutes // 60 % 24, minutes % 60
    parts = [_count(value, unit) for value, unit in ((days, "day"), (hours, "hour"), (minutes, "minute")) if value]
    return " ".join(parts[:2]) if parts else "less than a minute"
