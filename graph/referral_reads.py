"""Platform referrals read back: lists (by case, platform, status, overdue) and the referral document.

Every read takes `$scope`: the hub sees every referral; a force officer sees a referral when every case it
lists content from is one they can read (a campaign's bulk referral across forces stays with the hub).
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from datetime import datetime
from typing import Any

from domain.referral_documents import ReferralFacts, ReferredItem, document_json, document_subject, document_text
from domain.referrals import STATUSES, ReferralState, allowed_events
from graph.port import GraphPort, Row
from graph.referrals import ReferralError, now_utc
from loaders.normalise import normalise_platform


def checked_filters(*, platform: str | None, status: str | None) -> tuple[str | None, str | None]:
    """Return the platform (normalised: 'Twitter' is x) and status to filter on; ReferralError for a bad status."""
    if status is not None and status not in STATUSES:
        raise ReferralError(f"status is one of {', '.join(STATUSES)}, not {status!r}")
    return (normalise_platform(platform) if platform else None), status


def list_page(port: GraphPort, *, scope: dict[str, Any], case: str | None = None, platform: str | None = None,
              status: str | None = None, overdue: bool | None = None, after: Row | None = None, limit: int = 100,
              now: datetime | None = None) -> list[Row]:
    """Return one page of `id` and `sort` rows of the visible referrals matching the filters, newest first."""
    platform, status = checked_filters(platform=platform, status=status)
    return port.read("referrals/referrals", scope=scope, case=case or None, platform=platform, status=status,
                     overdue=overdue, after=after, limit=limit, now=now or now_utc())


def referrals_by_id(port: GraphPort, *, ids: Sequence[str], scope: dict[str, Any],
                    now: datetime | None = None) -> list[Row]:
    """Return the visible referrals among `ids` in full: cases, items (with removal), history, overdue."""
    rows = port.read("referrals/referrals_by_id", ids=list(ids), scope=scope, now=now or now_utc())
    for row in rows:
        row["history"] = json.loads(row["history"]) if row["history"] else []
    return rows


def list_referrals(port: GraphPort, *, scope: dict[str, Any], case: str | None = None, platform: str | None = None,
                   status: str | None = None, overdue: bool | None = None, limit: int = 1000) -> list[Row]:
    """Return the visible referrals matching the filters in full, newest first (the command line and pages)."""
    now = now_utc()
    page = list_page(port, scope=scope, case=case, platform=platform, status=status, overdue=overdue, limit=limit,
                     now=now)
    found = {row["id"]: row for row in referrals_by_id(port, ids=[row["id"] for row in page], scope=scope, now=now)}
    return [found[row["id"]] for row in page if row["id"] in found]


def get(port: GraphPort, referral_id: str, *, scope: dict[str, Any]) -> Row | None:
    """Return one referral in full, or None when there is none or the caller may not see it."""
    rows = referrals_by_id(port, ids=[referral_id], scope=scope)
    return rows[0] if rows else None


def next_steps(row: Row, now: datetime | None = None) -> tuple[str, ...]:
    """Return the events that may be recorded on a referral (as read) now."""
    state = ReferralState(id=row["id"], status=row["status"], items=tuple(item["key"] for item in row["items"]),
                          due_by=row["due_by"])
    return allowed_events(state, now or now_utc())


def facts_of(row: Row) -> ReferralFacts:
    """Return the plain values a referral document is built from, given a row of `referrals_by_id`."""
    policy = f"{row['policy_name']} ({row['policy_url']})" if row["policy_url"] else row["policy_name"]
    return ReferralFacts(
        id=row["id"], platform=row["platform"], platform_name=row["platform_name"] or row["platform"],
        status=row["status"], contact=row["contact"] or "", policy=policy, basis=row["basis"],
        response_hours=row["response_hours"], trusted_flagger=bool(row["trusted_flagger"]),
        created_at=row["created_at"], case=row["case"], campaign=row["campaign"], sent_at=row["sent_at"],
        due_by=row["due_by"], offences=tuple(row["offences"]),
        items=tuple(ReferredItem(key=item["key"], url=item["url"], kind=item["kind"], accounts=tuple(item["accounts"]),
                                 posted_at=item["posted_at"], text=item["text"], removed_at=item["removed_at"])
                    for item in row["items"]),
    )


def document(row: Row) -> dict[str, Any]:
    """Return the referral document of a referral row: its subject, text and JSON."""
    facts = facts_of(row)
    return {"subject": document_subject(facts), "text": document_text(facts), "json": document_json(facts)}
