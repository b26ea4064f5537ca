"""The referral document a platform receives: text to paste or send, and the same as JSON.

Pure: built from plain values (the referral as stored, its items), no I/O. It names the content, the basis and
the answer asked for; it carries nothing of the victims or complainants.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

HUB_NAME = "the National Online Hate Crime Hub"
EXCERPT = 280


@dataclass(frozen=True)
class ReferredItem:
    """One content item listed on a referral, as the platform needs to find it."""

    key: str
    url: str | None
    kind: str | None
    accounts: tuple[str, ...]  # every account reporters gave as its author (usually one)
    posted_at: datetime | None
    text: str | None
    removed_at: datetime | None = None


@dataclass(frozen=True)
class ReferralFacts:
    """What a referral document says: the referral as stored and the items it lists."""

    id: str
    platform: str
    platform_name: str
    status: str
    contact: str
    policy: str
    basis: str
    response_hours: int
    trusted_flagger: bool
    created_at: datetime
    items: tuple[ReferredItem, ...]
    case: str | None = None
    campaign: str | None = None
    sent_at: datetime | None = None
    due_by: datetime | None = None
    offences: tuple[str, ...] = field(default_factory=tuple)


def _when(value: datetime | None) -> str | None:
    return value.isoformat() if value else None


def _excerpt(text: str | None) -> str | None:
    if not text:
        return None
    words = " ".join(text.split())
    return words if len(words) <= EXCERPT else words[: EXCERPT - 1] + "…"


def document_subject(facts: ReferralFacts) -> str:
    """Return the one-line subject of the referral."""
    count = len(facts.items)
    return f"Referral {facts.id}: {count} item{'s' if count != 1 else ''} of hateful content on {facts.platform_name}"


def _reference(facts: ReferralFacts) -> str:
    if facts.campaign:
        return f"campaign {facts.campaign}"
    return f"case {facts.case}"


def document_text(facts: ReferralFacts) -> str:
    """Return the text the platform receives: the content, why it should come down, and the answer asked for."""
    channel = "trusted-flagger channel" if facts.trusted_flagger else "referral channel"
    lines = [f"To: {facts.platform_name} ({channel}: {facts.contact})", f"Subject: {document_subject(facts)}", "",
             f"{HUB_NAME[0].upper()}{HUB_NAME[1:]} refers the content below ({_reference(facts)}) "
             "so that hateful material can be removed.", "", f"Basis: {facts.basis}", "", "Content:"]
    for number, item in enumerate(facts.items, 1):
        where = item.url or f"(no URL; item {item.key})"
        lines.append(f"{number}. {where}")
        details = [part for part in (item.kind, f"posted by {' or '.join(item.accounts)}" if item.accounts else None,
                                     f"at {item.posted_at:%d %B %Y %H:%M}" if item.posted_at else None) if part]
        if details:
            lines.append(f"   {', '.join(details)}")
        if not item.url and item.text:
            lines.append(f"   Text: \"{_excerpt(item.text)}\"")
        if item.removed_at:
            lines.append(f"   Removal recorded {item.removed_at:%d %B %Y}.")
    lines += ["", "We ask you to remove or restrict this content, to preserve the content and the account data "
                  "behind it for a police investigation, and to tell us what you did, quoting the referral "
                  f"reference {facts.id}."]
    if facts.due_by:
        lines.append(f"Your answer is due by {facts.due_by:%d %B %Y %H:%M} UTC (response target {facts.response_hours} hours).")
    else:
        lines.append(f"Response target: {facts.response_hours} hours from sending.")
    return "\n".join(lines) + "\n"


def document_json(facts: ReferralFacts) -> dict[str, Any]:
    """Return the referral document as JSON-ready values, for platforms that take referrals by API."""
    return {
        "referral": facts.id, "from": HUB_NAME, "platform": facts.platform, "platform_name": facts.platform_name,
        "contact": facts.contact, "trusted_flagger": facts.trusted_flagger, "status": facts.status,
        "case": facts.case, "campaign": facts.campaign, "basis": facts.basis, "offences": list(facts.offences),
        "policy": facts.policy, "created_at": _when(facts.created_at), "sent_at": _when(facts.sent_at),
        "due_by": _when(facts.due_by), "response_hours": facts.response_hours,
        "items": [{"key": item.key, "url": item.url, "kind": item.kind, "accounts": list(item.accounts),
                   "posted_at": _when(item.posted_at), "text": None if item.url else _excerpt(item.text),
                   "removed_at": _when(item.removed_at)} for item in facts.items],
        "asked": ["remove or restrict the content", "preserve the content and account data for a police investigation",
                  f"answer quoting {facts.id}"],
    }
