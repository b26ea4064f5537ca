"""Platform referrals: the lifecycle, the legal basis, the due date and what counts as overdue.

Pure: a referral's state and an event go in, the new state (with the history entry to keep) comes out, or a
`ReferralRefused` saying why the event cannot be recorded. No I/O.

Lifecycle: draft -> sent -> acknowledged; from sent or acknowledged the platform's answer closes it (removed,
refused), or, once the response target has passed without an answer, no_response is recorded; a late answer
after no_response can still be recorded. Removal may be recorded item by item: the referral becomes `removed`
when every item it lists has been removed.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, replace
from datetime import datetime, timedelta
from typing import Any

STATUSES = ("draft", "sent", "acknowledged", "removed", "refused", "no_response")
OPEN_STATUSES = ("draft", "sent", "acknowledged")
AWAITING_ANSWER = ("sent", "acknowledged")
EVENTS = ("sent", "acknowledged", "removed", "refused", "no_response")
ALLOWED_FROM: dict[str, tuple[str, ...]] = {
    "sent": ("draft",),
    "acknowledged": ("sent",),
    "removed": ("sent", "acknowledged", "no_response"),
    "refused": ("sent", "acknowledged", "no_response"),
    "no_response": ("sent", "acknowledged"),
}
MAX_TEXT = 2000


class ReferralRefused(ValueError):
    """An event that cannot be recorded on a referral; the message names the referral, the field and why."""


@dataclass(frozen=True)
class ReferralState:
    """What the lifecycle needs to know of a referral: its status, dates, items and which are removed."""

    id: str
    status: str
    items: tuple[str, ...]
    removed: frozenset[str] = frozenset()
    created_at: datetime | None = None
    sent_at: datetime | None = None
    acknowledged_at: datetime | None = None
    closed_at: datetime | None = None
    due_by: datetime | None = None
    last_at: datetime | None = None


@dataclass(frozen=True)
class ReferralEvent:
    """One step to record: what happened, when, who recorded it, a note, the platform's reason, the items."""

    event: str
    at: datetime
    by: str
    note: str | None = None
    reason: str | None = None
    items: tuple[str, ...] = ()


@dataclass(frozen=True)
class Transition:
    """The referral after an event, the items newly recorded as removed, and the history entry to keep."""

    state: ReferralState
    removed_now: tuple[str, ...]
    record: dict[str, Any]


def due_by(sent_at: datetime, response_hours: int) -> datetime:
    """Return when the platform's answer is due: the time the referral was sent plus the response target."""
    return sent_at + timedelta(hours=response_hours)


def is_overdue(status: str, due: datetime | None, now: datetime) -> bool:
    """Return whether a referral awaits an answer (sent or acknowledged) past its due date."""
    return status in AWAITING_ANSWER and due is not None and now > due


def allowed_events(state: ReferralState, now: datetime) -> tuple[str, ...]:
    """Return the events that may be recorded on the referral now (no_response only once it is overdue)."""
    allowed = [event for event, sources in ALLOWED_FROM.items() if state.status in sources]
    if "no_response" in allowed and not is_overdue(state.status, state.due_by, now):
        allowed.remove("no_response")
    return tuple(allowed)


def _clean(value: str | None, field: str, referral: str) -> str | None:
    text = " ".join((value or "").split()) or None
    if text and len(text) > MAX_TEXT:
        raise ReferralRefused(f"referral {referral}: {field} is longer than {MAX_TEXT} characters")
    return text


def _removed_items(state: ReferralState, asked: tuple[str, ...]) -> tuple[str, ...]:
    listed = set(state.items)
    unknown = [item for item in asked if item not in listed]
    if unknown:
        raise ReferralRefused(f"referral {state.id}: items {unknown} are not listed on it")
    wanted = [item for item in (asked or state.items) if item not in state.removed]
    if not wanted:
        raise ReferralRefused(f"referral {state.id}: items: every item asked for is already recorded as removed")
    return tuple(dict.fromkeys(wanted))


def apply_event(state: ReferralState, event: ReferralEvent, *, response_hours: int, now: datetime) -> Transition:
    """Return the referral after `event`, or raise ReferralRefused naming the referral, the field and why.

    `response_hours` is the platform's target (sets due_by when sent); `now` bounds the event's time, which may
    be given earlier (when the platform answered) but never in the future nor before the referral's last step.
    """
    name = state.id
    if event.event not in EVENTS:
        raise ReferralRefused(f"referral {name}: event is one of {', '.join(EVENTS)}, not {event.event!r}")
    by = _clean(event.by, "by", name)
    if not by:
        raise ReferralRefused(f"referral {name}: by: say who records the {event.event.replace('_', ' ')} step")
    if event.at > now + timedelta(minutes=5):
        raise ReferralRefused(f"referral {name}: at: {event.at.isoformat()} is in the future")
    if state.last_at is not None and event.at < state.last_at:
        raise ReferralRefused(f"referral {name}: at: {event.at.isoformat()} is before its last step "
                              f"({state.last_at.isoformat()})")
    sources = ALLOWED_FROM[event.event]
    if state.status not in sources:
        raise ReferralRefused(f"referral {name}: cannot record {event.event.replace('_', ' ')} on a referral that is "
                              f"{state.status.replace('_', ' ')} (only from {', '.join(sources)})")
    reason = _clean(event.reason, "reason", name)
    note = _clean(event.note, "note", name)
    if event.event == "refused" and not reason:
        raise ReferralRefused(f"referral {name}: reason: a refusal needs the platform's reason")
    if event.event == "no_response" and not is_overdue(state.status, state.due_by, event.at):
        due = state.due_by.isoformat() if state.due_by else "not set"
        raise ReferralRefused(f"referral {name}: no response can be recorded only once it is overdue (due by {due})")
    if event.event != "removed" and event.items:
        raise ReferralRefused(f"referral {name}: items: only a removal names items")

    removed_now: tuple[str, ...] = ()
    new = replace(state, last_at=event.at)
    if event.event == "sent":
        new = replace(new, status="sent", sent_at=event.at, due_by=due_by(event.at, response_hours))
    elif event.event == "acknowledged":
        new = replace(new, status="acknowledged", acknowledged_at=event.at)
    elif event.event == "removed":
        removed_now = _removed_items(state, tuple(event.items))
        removed = state.removed | set(removed_now)
        new = replace(new, removed=frozenset(removed))
        if removed >= set(state.items):
            new = replace(new, status="removed", closed_at=event.at)
    else:
        new = replace(new, status=event.event, closed_at=event.at)
    record = {"event": event.event, "at": event.at.isoformat(), "by": by, "note": note, "reason": reason,
              "items": list(removed_now), "status": new.status}
    return Transition(state=new, removed_now=removed_now, record=record)


# -- the basis of a referral ---------------------------------------------------------------------------

@dataclass(frozen=True)
class Basis:
    """Why the content should come down: the offences made out (kind 'law'), or the platform policy breached."""

    kind: str
    offences: tuple[str, ...]
    text: str


def offences_made_out(assessment: Mapping[str, Any] | None) -> tuple[str, ...]:
    """Return the offences a case's stored assessment (Case.assessment_json, parsed) finds made out, as labels."""
    if not assessment or assessment.get("classification") != "crime":
        return ()
    return tuple(f"{offence['title']} ({offence['statute']} {offence['section']})"
                 for offence in assessment.get("offences", [])
                 if offence.get("complete") and offence.get("kind") == "offence")


def basis_of(assessments: Iterable[Mapping[str, Any] | None], policy: str) -> Basis:
    """Return the basis of a referral from its cases' assessments and the platform policy (named, with its page).

    Content the hub assessed as a crime is referred as unlawful, naming the offences made out (the platform's
    policy is named beside them); other hateful content is referred under the platform's own policy alone.
    """
    offences = tuple(dict.fromkeys(label for assessment in assessments for label in offences_made_out(assessment)))
    if offences:
        text = (f"Unlawful content in the United Kingdom: the hub's assessment finds these offences made out: "
                f"{'; '.join(offences)}. It also breaches {policy}.")
        return Basis(kind="law", offences=offences, text=text)
    text = (f"Not assessed as a criminal offence; the content breaches the platform's own policy: {policy}.")
    return Basis(kind="platform_policy", offences=(), text=text)
