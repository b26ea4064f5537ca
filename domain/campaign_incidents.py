"""Items reported together: incidents, and what their items lend each other when a reporter left details out.

Pure. Reporters often give an item's URL but not its author or posting time, or copy the words of one item and
not the next. What the hub does know is which items were reported together: in one report, or in reports that
duplicate detection combined into one case (they share an item). Such items are one **incident**: whoever
reported them saw them as one thing. This module

- groups posts into incidents (`incidents_of`): items joined, transitively, by a case their reports are in;
- completes posts from their incident (`complete_from_incident`): an undated item takes the median posting time
  of its incident's dated items, an item without words takes its incident's wording when the incident has only
  one on that platform, and a post naming no victim or target group is aimed at its incident;
- gathers campaigns (`gather`): a campaign takes in the rest of each incident it alone holds more than half of
  (counting the posts with an author and a time): the items undated, or dated within the window of its span.
  A post that joined a burst by its words alone, out of an incident about something else, brings nothing
  with it. Then an incident left out joins the one campaign that shares its words on its platform or its
  victim, posted (or, when undated, first reported) within the window of that campaign, when chance would put
  at most `max_chance` posts with that key in the campaign's time (`domain.campaign_chance`).
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import replace
from datetime import datetime, timedelta

from domain.campaign_chance import MAX_CHANCE, Background, Key, describe, keys_of
from domain.campaign_model import Campaign, Post, in_words, plural



def incidents_of(posts: Iterable[Post]) -> dict[str, str]:
    """Return each post's incident: the smallest item key among the items joined to it by shared cases."""
    parent: dict[str, str] = {}

    def root(node: str) -> str:
        parent.setdefault(node, node)
        while parent[node] != node:
            parent[node] = parent[parent[node]]
            node = parent[node]
        return node

    items = []
    for post in posts:
        items.append(post.item)
        for case in post.cases:
            parent[root("\x1ecase " + case)] = root(post.item)
    members: dict[str, list[str]] = defaultdict(list)
    for item in items:
        members[root(item)].append(item)
    return {item: min(group) for group in members.values() for item in group}


def complete_from_incident(posts: Sequence[Post], incidents: Mapping[str, str]) -> list[Post]:
    """Return the posts with their incident set, and time, words and target lent by it where they had none."""
    by_incident: dict[str, list[Post]] = defaultdict(list)
    for post in posts:
        by_incident[incidents[post.item]].append(post)
    completed = []
    for incident, together in by_incident.items():
        dated = sorted(post.posted_at for post in together if post.posted_at is not None)
        median = dated[(len(dated) - 1) // 2] if dated else None
        wordings: dict[str | None, set[str]] = defaultdict(set)
        for post in together:
            if post.text_group:
                wordings[post.platform].add(post.text_group)
        for post in together:
            changes: dict[str, object] = {"incident": incident}
            if post.posted_at is None and median is not None:
                changes.update(posted_at=median, estimated=True)
            if not post.text_group and len(wordings.get(post.platform, ())) == 1:
                changes["text_group"] = next(iter(wordings[post.platform]))
            completed.append(replace(post, **changes))  # type: ignore[arg-type]
    return completed


Gathered = tuple[Campaign, list[Post], list[str]]


def gather(
    campaigns: Sequence[Campaign], posts: Sequence[Post], *, window: timedelta, max_chance: float = MAX_CHANCE
) -> list[Gathered]:
    """Return each campaign with every post it holds after taking in its incidents and lone incidents that fit.

    `posts` are completed posts (their `incident` set). Each post ends in at most one campaign: an incident two
    campaigns touch is not taken in by either. The strings are evidence lines saying what was added and why.
    """
    by_item = {post.item: post for post in posts}
    by_incident: dict[str, list[Post]] = defaultdict(list)
    for post in posts:
        by_incident[post.incident or post.item].append(post)
    held: dict[str, int] = {}
    members: list[list[Post]] = []
    claims: dict[str, set[int]] = defaultdict(set)
    for index, campaign in enumerate(campaigns):
        members.append([by_item[item] for item in sorted(campaign.items) if item in by_item])
        for post in members[index]:
            held[post.item] = index
            claims[post.incident or post.item].add(index)
    sole: dict[int, list[str]] = defaultdict(list)
    for incident, holders in sorted(claims.items()):
        if len(holders) == 1:
            sole[next(iter(holders))].append(incident)
    notes: list[list[str]] = [[] for _ in campaigns]
    for index, campaign in enumerate(campaigns):
        incidents = [by_incident[incident] for incident in sole[index]]
        note = _take_in(index, campaign, incidents, held, members[index], window)
        if note:
            notes[index].append(note)
    lone = _LoneIncidents(campaigns, members, Background(posts), window, max_chance)
    for incident in sorted(by_incident):
        together = by_incident[incident]
        if not any(post.item in held for post in together):
            joined = lone.join(together)
            if joined is not None:
                index, note = joined
                for post in together:
                    held[post.item] = index
                    members[index].append(post)
                notes[index].append(note)
    return [(campaign, members[index], notes[index]) for index, campaign in enumerate(campaigns)]


def _take_in(
    index: int, campaign: Campaign, incidents: Iterable[list[Post]], held: dict[str, int], members: list[Post],
    window: timedelta,
) -> str | None:
    """Take the rest of each incident the campaign holds most of into it; return the evidence line, if any."""
    low, high = campaign.start - window, campaign.end + window
    taken = undated = 0
    for together in incidents:
        countable = [post for post in together if post.account and post.posted_at is not None]
        if 2 * sum(1 for post in countable if held.get(post.item) == index) <= len(countable):
            continue
        for post in together:
            given = None if post.estimated else post.posted_at
            if post.item in held or (given is not None and not low <= given <= high):
                continue
            held[post.item] = index
            members.append(post)
            taken += 1
            undated += given is None
    if not taken:
        return None
    return (f"{plural(taken, 'more item')} reported together with these (in one report, or in reports combined "
            f"into one case) taken in" + (f", {undated} of them with no posting time given" if undated else ""))


class _LoneIncidents:
    """Which campaign, if exactly one, an incident no campaign holds may join: one sharing its words or victim,
    at the right time, where chance would not put posts with that key there."""

    def __init__(self, campaigns: Sequence[Campaign], members: Sequence[list[Post]], background: Background,
                 window: timedelta, max_chance: float) -> None:
        self.campaigns, self.background, self.window, self.max_chance = campaigns, background, window, max_chance
        self.holding: dict[Key, set[int]] = defaultdict(set)
        self.own: list[Counter[Key]] = []
        for index, posts in enumerate(members):
            own: Counter[Key] = Counter()
            for post in posts:
                own.update(keys_of(post))
            self.own.append(own)
            for key in own:
                self.holding[key].add(index)

    def join(self, together: Sequence[Post]) -> tuple[int, str] | None:
        """Return the campaign the incident joins and the evidence line, or None."""
        given = [post.posted_at for post in together if post.posted_at is not None and not post.estimated]
        reported = min((post.reported_at for post in together if post.reported_at is not None), default=None)
        fitting: dict[int, set[Key]] = defaultdict(set)
        for key in set().union(*(keys_of(post) for post in together)):
            for index in self.holding.get(key, ()):
                campaign = self.campaigns[index]
                if not _fits(campaign, given, reported, self.window):
                    continue
                interval = campaign.end - campaign.start + self.window * (2 if given else 1)
                if self.background.expected(key, interval, own=self.own[index][key]) <= self.max_chance:
                    fitting[index].add(key)
        if len(fitting) != 1:
            return None
        [(index, keys)] = fitting.items()
        when = "posted" if given else f"first reported at {reported:%Y-%m-%d %H:%M}, which is"
        return index, (
            f"{plural(len(together), 'item')} reported separately joined: "
            f"{' and '.join(sorted(describe(key) for key in keys))}, {when} within {in_words(self.window)} of the "
            f"campaign, where chance would put at most {self.max_chance} posts with it"
        )


def _fits(campaign: Campaign, given: list[datetime], reported: datetime | None, window: timedelta) -> bool:
    """Return whether items posted at `given` (or, undated, first reported then) fit the campaign's time."""
    if given:
        return all(campaign.start - window <= moment <= campaign.end + window for moment in given)
    return reported is not None and campaign.start <= reported <= campaign.end + window
