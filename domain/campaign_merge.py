"""Campaigns that meet become one: bursts holding items reported together, or sharing most of their accounts.

Pure. A pile-on and a copy-paste group are often two views of one campaign (the same posts, or the posts of one
incident), and two bursts holding items of one incident within the window of each other are one as well; the
links are followed transitively, so every campaign appears in exactly one result. The merged campaign's
strength combines its parts' as independent signals: 1 - (1 - a)(1 - b)...
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Sequence
from datetime import timedelta

from domain.campaign_model import Campaign, CampaignKind, Post, campaign_id


def merge_campaigns(
    pile_ons: Sequence[Campaign],
    copy_pastes: Sequence[Campaign],
    *,
    min_jaccard: float = 0.5,
    posts: Iterable[Post] = (),
    window: timedelta = timedelta(hours=24),
) -> list[Campaign]:
    """Return every campaign once, merged where two share an item, an incident of `posts` or most accounts."""
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

    links: dict[int, list[str]] = defaultdict(list)
    incident = {post.item: post.incident for post in posts if post.incident}
    by_place: dict[str, list[int]] = defaultdict(list)
    for index, campaign in enumerate(everything):
        for item in campaign.items:
            by_place[incident.get(item, item)].append(index)
    for place in sorted(by_place):
        ordered = sorted(set(by_place[place]), key=lambda index: (everything[index].start, everything[index].id))
        for first, other in zip(ordered, ordered[1:]):
            a, b = everything[first], everything[other]
            if root(first) != root(other) and b.start - window <= a.end:
                parent[root(other)] = root(first)
                links[first].append(f"{a.kind.replace('_', '-')} {a.id} and {b.kind.replace('_', '-')} {b.id} "
                                    f"hold items reported together (incident {place})")
    by_account: dict[str, list[int]] = defaultdict(list)
    for index, campaign in enumerate(copy_pastes, start=len(pile_ons)):
        for account in campaign.accounts:
            by_account[account].append(index)
    for index, pile_on in enumerate(pile_ons):
        candidates = {other for account in pile_on.accounts for other in by_account.get(account, ())}
        for other in sorted(candidates):
            copy_paste = everything[other]
            shared = len(pile_on.accounts & copy_paste.accounts)
            jaccard = shared / len(pile_on.accounts | copy_paste.accounts)
            if jaccard >= min_jaccard and root(other) != root(index):
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
    return sorted(merged, key=lambda campaign: (campaign.start, campaign.id))


def _merged(parts: Sequence[Campaign], evidence: list[str]) -> Campaign:
    accounts = frozenset().union(*(part.accounts for part in parts))
    items = frozenset().union(*(part.items for part in parts))
    kinds = {part.kind for part in parts}
    kind: CampaignKind = kinds.pop() if len(kinds) == 1 else "both"
    doubt = 1.0
    for part in parts:
        doubt *= 1 - part.strength
    return Campaign(
        id=campaign_id(kind, accounts, items), kind=kind, accounts=accounts,
        victims=frozenset().union(*(part.victims for part in parts)), items=items,
        start=min(part.start for part in parts), end=max(part.end for part in parts), strength=1 - doubt,
        evidence=[f"strength {1 - doubt:.2f} combines {len(parts)} campaigns as independent signals", *evidence],
        target_groups=frozenset().union(*(part.target_groups for part in parts)),
    )


def rebuilt(campaign: Campaign, members: Sequence[Post], notes: list[str]) -> Campaign:
    """Return the campaign holding `members` (its own posts and those gathered), its evidence extended by `notes`."""
    accounts = frozenset(post.account for post in members if post.account)
    items = frozenset(post.item for post in members)
    moments = [post.posted_at for post in members if post.posted_at is not None and not post.estimated]
    return Campaign(
        id=campaign_id(campaign.kind, accounts, items), kind=campaign.kind, accounts=accounts,
        victims=campaign.victims | {post.victim for post in members if post.victim}, items=items,
        start=min([campaign.start, *moments]), end=max([campaign.end, *moments]), strength=campaign.strength,
        evidence=[*campaign.evidence, *notes], target_groups=campaign.target_groups,
    )
