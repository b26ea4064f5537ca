"""Co-ordinated abuse as campaigns: pile-ons, copy-paste groups, and the two merged where they meet.

Pure: posts go in, `Campaign`s come out, each with its evidence in plain words.

- Posts are first grouped into incidents, the items reported together (`domain.campaign_incidents`): an item
  whose reporter gave no posting time takes its incident's, one without words its incident's wording.
- A pile-on is at least `min_accounts` distinct accounts posting at one target within `window`. A post's target
  is its victim when one is named, else its target group, else its incident (items reported together are one
  target: a thread or a group piled on). Posts are sorted by time per target and swept with two pointers: for
  each post, the shortest run of posts ending at it that holds `min_accounts` distinct accounts qualifies when it
  spans at most `window`; qualifying runs that share a post are merged into one campaign, so a sustained pile-on
  may span longer than one window. O(n log n) for the sort.
- A copy-paste group is at least `min_accounts` distinct accounts posting items of one text group on one
  platform (text groups come from near-duplicate detection, `domain.textsim`, or the same words), cut by time,
  and kept only when chance, at the words' rate in other posts, would seldom give one as large
  (`domain.campaign_chance`); posts at a victim no other post of the group names are set apart.
- Campaigns that share an item or an incident, or a pile-on and a copy-paste group sharing most accounts, merge
  (`domain.campaign_merge`). Then each campaign takes in the rest of the incidents it holds most of, and the lone
  incidents that share its words or victim at the right time where chance would not put them
  (`campaign_incidents.gather`). Every item ends in at most one campaign.

Strength, 0..1, is breadth × tightness of a burst:

    breadth    1 - 0.5 ** (accounts / min_accounts): 0.5 at the minimum number of accounts, 0.75 at twice it
    tightness  1 / (1 + span / timescale): near 1 for a burst, 0.5 when the posts span one timescale (the pile-on
               window; COPY_PASTE_TIMESCALE, 7 days, for copy-paste groups)

and a merged campaign has 1 - (1 - a)(1 - b)...: the strengths of its parts combined as independent signals.

Ids are stable: the kind and a hash of the sorted accounts and items, so the same posts give the same id in any
input order and on every run.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable, Iterator, Sequence
from datetime import datetime, timedelta

from domain.campaign_chance import MAX_CHANCE, Background
from domain.campaign_incidents import complete_from_incident, gather, incidents_of
from domain.campaign_merge import merge_campaigns, rebuilt
from domain.campaign_model import Campaign, CampaignKind, Post, campaign_id, in_words, plural

__all__ = ["COPY_PASTE_TIMESCALE", "Campaign", "Post", "campaign_id", "copy_paste_campaigns", "detect_pile_ons",
           "find_campaigns", "merge_campaigns"]
COPY_PASTE_TIMESCALE = timedelta(days=7)


def find_campaigns(
    posts: Iterable[Post],
    *,
    window: timedelta = timedelta(hours=24),
    min_pile_on_accounts: int = 5,
    min_copy_paste_accounts: int = 3,
    min_jaccard: float = 0.5,
    copy_paste_window: timedelta | None = timedelta(hours=24),
    max_chance: float = MAX_CHANCE,
) -> list[Campaign]:
    """Return all campaigns in the posts: pile-ons and copy-paste groups, merged where they meet, incidents gathered."""
    posts = list(posts)
    completed = complete_from_incident(posts, incidents_of(posts))
    pile_ons = detect_pile_ons(completed, window=window, min_accounts=min_pile_on_accounts)
    copy_pastes = copy_paste_campaigns(
        completed, min_accounts=min_copy_paste_accounts, window=copy_paste_window, max_chance=max_chance
    )
    merged = merge_campaigns(pile_ons, copy_pastes, min_jaccard=min_jaccard, posts=completed, window=window)
    gathered = [
        rebuilt(campaign, members, notes) if notes else campaign
        for campaign, members, notes in gather(merged, completed, window=window, max_chance=max_chance)
    ]
    return sorted(gathered, key=_order)


def detect_pile_ons(
    posts: Iterable[Post], *, window: timedelta = timedelta(hours=24), min_accounts: int = 5
) -> list[Campaign]:
    """Return pile-ons: at least min_accounts distinct accounts posting at one target within window."""
    if window <= timedelta(0):
        raise ValueError(f"detect_pile_ons: window must be positive, got {window}")
    _check_min_accounts("detect_pile_ons", min_accounts)
    by_target: dict[tuple[str, str], list[Post]] = defaultdict(list)
    for post in _timed(posts):
        if post.victim:
            by_target[("at victim", post.victim)].append(post)
        elif post.target_group:
            by_target[("at target group", post.target_group)].append(post)
        elif post.incident:
            by_target[("reported together with", post.incident)].append(post)
    campaigns = []
    for (target_kind, target), targeted in by_target.items():
        targeted.sort(key=lambda post: (post.posted_at, post.item))
        for start, stop in _bursts(targeted, window, min_accounts):
            burst = targeted[start:stop]
            breadth, tightness = _breadth_tightness(burst, min_accounts, window)
            accounts = len({post.account for post in burst})
            evidence = [
                f"{accounts} distinct accounts posted {plural(len(burst), 'item')} {target_kind} {target} "
                f"within {in_words(burst[-1].posted_at - burst[0].posted_at)}, "  # type: ignore[operator]
                f"at least {min_accounts} of them within {in_words(window)}",
                _span(burst),
                f"strength {breadth * tightness:.2f} = breadth {breadth:.2f} × tightness {tightness:.2f}",
            ]
            campaigns.append(_campaign("pile_on", burst, breadth * tightness, evidence))
    return sorted(campaigns, key=_order)


def copy_paste_campaigns(
    posts: Iterable[Post], *, min_accounts: int = 3, window: timedelta | None = None, max_chance: float | None = None
) -> list[Campaign]:
    """Return copy-paste groups: at least min_accounts distinct accounts posting one text group on one platform.

    With a `window`, a text group is cut into bursts (at least min_accounts accounts within the window), so
    the same common words turning up months apart are not taken for one coordinated campaign; with
    `max_chance` too, a burst is kept only when chance, at the words' background rate, would give one as large
    less often than that over the period (`domain.campaign_chance`). Posts at a victim no other post of the
    group names are set apart: the same words sent at different people in the same hours are as often chance
    as coordination, so they count only as a group of their own that meets the same tests.
    """
    _check_min_accounts("copy_paste_campaigns", min_accounts)
    posts = list(posts)
    background = Background(posts) if max_chance is not None and window is not None else None
    by_text: dict[tuple[str, str], list[Post]] = defaultdict(list)
    for post in _timed(posts):
        if post.text_group:
            by_text[(post.platform or "", post.text_group)].append(post)
    campaigns = []
    for key, whole in by_text.items():
        whole.sort(key=lambda post: (post.posted_at, post.item))
        segments = [(0, len(whole))] if window is None else list(_bursts(whole, window, min_accounts))
        for start, stop in segments:
            test = (background, window, max_chance) if background is not None else None
            campaign = _copy_paste(key, whole[start:stop], min_accounts, test)  # type: ignore[arg-type]
            if campaign is not None:
                campaigns.append(campaign)
    return sorted(campaigns, key=_order)


def _copy_paste(
    key: tuple[str, str], group: list[Post], min_accounts: int, test: tuple[Background, timedelta, float] | None
) -> Campaign | None:
    """Return the copy-paste campaign in one group of posts of the same words, or None if it holds none."""
    platform, text_group = key
    named = Counter(post.victim for post in group if post.victim)
    shared = [post for post in group if not post.victim or named[post.victim] > 1]
    scattered = [post for post in group if post.victim and named[post.victim] == 1]
    kept: list[Post] = []
    chances = []
    for part in (shared, scattered):
        accounts = len({post.account for post in part})
        chance = test[0].chance_bursts(("words", platform, text_group), accounts, test[1], own=len(part)) if test else 0
        if part and accounts >= min_accounts and (test is None or chance <= test[2]):
            kept += part
            chances.append(chance)
    if not kept:
        return None
    kept.sort(key=lambda post: (post.posted_at, post.item))
    accounts = len({post.account for post in kept})
    breadth, tightness = _breadth_tightness(kept, min_accounts, COPY_PASTE_TIMESCALE)
    victims = {post.victim for post in kept if post.victim}
    evidence = [
        f"{accounts} distinct accounts posted the same text (text group {text_group})"
        + (f" on {platform}" if platform else "") + f" in {plural(len(kept), 'item')}"
        + (f" at {plural(len(victims), 'victim')}" if victims else ""),
        _span(kept),
        f"strength {breadth * tightness:.2f} = breadth {breadth:.2f} × tightness {tightness:.2f}",
    ]
    if test is not None:
        evidence.append(f"chance, at these words' rate in other posts, gives {max(chances):.2g} groups as large "
                        f"over the {test[0].period.days} days the posts span")
    if len(kept) < len(group):
        evidence.append(f"{plural(len(group) - len(kept), 'post')} of the same words in the same hours, each at a "
                        f"victim no other post names, left out")
    return _campaign("copy_paste", kept, breadth * tightness, evidence)


def _timed(posts: Iterable[Post]) -> Iterator[Post]:
    """Yield the posts that can count towards a burst: those with an account and a posting time."""
    return (post for post in posts if post.account and post.posted_at is not None)


def _bursts(posts: Sequence[Post], window: timedelta, min_accounts: int) -> Iterator[tuple[int, int]]:
    """Yield [start, stop) index ranges of time-sorted posts where runs of min_accounts accounts fit in window."""
    counts: Counter[str | None] = Counter()
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
        if len(counts) >= min_accounts and post.posted_at - posts[left].posted_at <= window:  # type: ignore[operator]
            if current is not None and left < current[1]:
                current[1] = right + 1
            else:
                if current is not None:
                    yield current[0], current[1]
                current = [left, right + 1]
    if current is not None:
        yield current[0], current[1]


def _breadth_tightness(posts: Sequence[Post], min_accounts: int, timescale: timedelta) -> tuple[float, float]:
    accounts = len({post.account for post in posts if post.account})
    moments = [post.posted_at for post in posts if post.posted_at is not None]
    return 1 - 0.5 ** (accounts / min_accounts), 1 / (1 + (max(moments) - min(moments)) / timescale)


def _campaign(kind: CampaignKind, posts: Sequence[Post], strength: float, evidence: list[str]) -> Campaign:
    accounts = frozenset(post.account for post in posts if post.account)
    items = frozenset(post.item for post in posts)
    moments = [post.posted_at for post in posts if post.posted_at is not None]
    lent = sum(1 for post in posts if post.estimated)
    if lent:
        evidence = [*evidence, f"{plural(lent, 'posting time')} taken from the items reported with them"]
    return Campaign(
        id=campaign_id(kind, accounts, items), kind=kind, accounts=accounts,
        victims=frozenset(post.victim for post in posts if post.victim), items=items,
        start=min(moments), end=max(moments), strength=strength, evidence=evidence,
        target_groups=frozenset(post.target_group for post in posts if post.target_group),
    )


def _check_min_accounts(caller: str, min_accounts: int) -> None:
    if min_accounts < 2:
        raise ValueError(f"{caller}: min_accounts must be at least 2 (accounts acting together), got {min_accounts}")


def _order(campaign: Campaign) -> tuple[datetime, str]:
    return campaign.start, campaign.id


def _span(posts: Sequence[Post]) -> str:
    first, last = posts[0].posted_at, posts[-1].posted_at
    assert first is not None and last is not None, "bursts hold dated posts only"
    return f"from {first.isoformat(timespec='minutes')} to {last.isoformat(timespec='minutes')}"
