"""What campaign detection works on and returns: posts in, campaigns out, and how both are put in words.

Pure value objects shared by `domain.campaigns` (the bursts) and `domain.campaign_incidents` (items reported
together).
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from typing import Literal

CampaignKind = Literal["pile_on", "copy_paste", "both"]


@dataclass(frozen=True, slots=True)
class Post:
    """One reported item: its author and posting time when a reporter gave them, its target, words and reports.

    `account` and `posted_at` are None when no reporter gave them; such an item cannot count towards a burst by
    itself but can join the campaign of the items reported with it. `cases` are the cases of the reports about
    it (items sharing one were reported together); `reported_at` is when it was first reported (it was posted
    before then). `incident` and `estimated` (the posting time was lent by the items reported with it) are set
    by `find_campaigns`.
    """

    item: str
    account: str | None
    victim: str | None
    target_group: str | None
    posted_at: datetime | None
    text_group: str | None
    platform: str | None = None
    cases: frozenset[str] = frozenset()
    reported_at: datetime | None = None
    incident: str | None = None
    estimated: bool = False

    def __post_init__(self) -> None:
        if not self.item:
            raise ValueError(f"Post {self!r}: item must be a non-empty id")
        if self.account is not None and not self.account:
            raise ValueError(f"Post {self.item}: account must be a non-empty id, or None when no author was given")
        for name in ("posted_at", "reported_at"):
            moment = getattr(self, name)
            if moment is not None and moment.tzinfo is None:
                raise ValueError(f"Post {self.item}: {name} {moment} has no time zone; pass an aware datetime")


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


def plural(number: int, noun: str) -> str:
    """Return "1 item" or "3 items"."""
    return f"{number} {noun}" if number == 1 else f"{number} {noun}s"


def in_words(span: timedelta) -> str:
    """Return a span in plain words at two units at most: "45 minutes", "3 hours 20 minutes", "2 days 4 hours"."""
    minutes = int(span.total_seconds() // 60)
    days, hours, minutes = minutes // 1440, minutes // 60 % 24, minutes % 60
    parts = [plural(value, unit) for value, unit in ((days, "day"), (hours, "hour"), (minutes, "minute")) if value]
    return " ".join(parts[:2]) if parts else "less than a minute"
