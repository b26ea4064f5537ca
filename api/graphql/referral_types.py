"""The GraphQL types of platform referrals, the removal shown on a content item, and the referral loader."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime
from enum import Enum
from functools import partial
from typing import Any

import strawberry
from strawberry.dataloader import DataLoader
from strawberry.scalars import JSON
from strawberry.types import Info

from api.graphql.context import Context
from api.graphql.types import ContentItem, Platform, fetch_many, fetch_one
from domain.access import Right
from graph import referral_reads
from graph.port import Row


@strawberry.enum(description="A step of a referral's lifecycle that can be recorded.")
class ReferralEventKind(Enum):
    sent = "sent"
    acknowledged = "acknowledged"
    removed = "removed"
    refused = "refused"
    no_response = "no_response"


@strawberry.type(description="One step of a referral, as kept in its history: what, when, who, and why.")
class ReferralStep:
    event: str = strawberry.field(description="drafted, sent, acknowledged, removed, refused or no_response")
    at: datetime
    by: str
    note: str | None
    reason: str | None = strawberry.field(description="The platform's reason, for a refusal.")
    items: list[str] = strawberry.field(description="The content items whose removal this step recorded.")
    status: str = strawberry.field(description="The referral's status after the step.")


def step_of(record: dict[str, Any]) -> ReferralStep:
    """Return a history entry (or a step just recorded) as its GraphQL type."""
    return ReferralStep(event=record["event"], at=datetime.fromisoformat(record["at"]), by=record["by"],
                        note=record.get("note"), reason=record.get("reason"), items=list(record.get("items") or []),
                        status=record["status"])


@strawberry.type(description="The referral document the platform receives: its subject, text and JSON.")
class ReferralDocument:
    subject: str
    text: str
    json: JSON


@strawberry.type(description="A referral of content to the platform hosting it, so that it can be removed.")
class Referral:
    id: strawberry.ID
    case_id: str | None = strawberry.field(description="The case it was drafted for (null for a campaign's).")
    campaign_id: str | None = strawberry.field(description="The campaign it refers in bulk, if any.")
    case_ids: list[str] = strawberry.field(description="Every case whose content it lists.")
    platform_id: str
    platform_name: str | None
    status: str = strawberry.field(description="draft, sent, acknowledged, removed, refused or no_response")
    basis: str = strawberry.field(description="Why the content should come down, in words.")
    basis_kind: str = strawberry.field(description="law (offences made out) or platform_policy")
    offences: list[str]
    policy_name: str | None
    policy_url: str | None
    contact: str | None = strawberry.field(description="Where it goes (as drafted; as sent once sent).")
    trusted_flagger: bool
    response_hours: int
    created_at: datetime | None
    created_by: str | None
    sent_at: datetime | None
    sent_by: str | None
    acknowledged_at: datetime | None
    closed_at: datetime | None
    due_by: datetime | None
    overdue: bool = strawberry.field(description="Sent or acknowledged, past due_by, unanswered.")
    refusal_reason: str | None
    history: list[ReferralStep]
    row: strawberry.Private[Row]

    @strawberry.field(description="The platform it goes to.")
    async def platform(self, info: Info[Context, None]) -> Platform | None:
        return await fetch_one(info, "platform", self.platform_id)

    @strawberry.field(description="The content items it lists, in order, with their removal where recorded.")
    async def items(self, info: Info[Context, None]) -> list[ContentItem]:
        return await fetch_many(info, "item", [item["key"] for item in self.row["items"]])

    @strawberry.field(description="The steps the caller may record on it now (none without the right to refer).")
    def next_steps(self, info: Info[Context, None]) -> list[str]:
        if not info.context.principal.can(Right.REFER_CONTENT):
            return []
        return list(referral_reads.next_steps(self.row))

    @strawberry.field(description="The referral document the platform receives (text and JSON).")
    def document(self) -> ReferralDocument:
        made = referral_reads.document(self.row)
        return ReferralDocument(subject=made["subject"], text=made["text"], json=made["json"])


def referral_of(row: Row) -> Referral:
    """Return a row of `referrals/referrals_by_id` as its GraphQL type."""
    return Referral(
        id=row["id"], case_id=row["case"], campaign_id=row["campaign"], case_ids=list(row["cases"]),
        platform_id=row["platform"], platform_name=row["platform_name"], status=row["status"], basis=row["basis"],
        basis_kind=row["basis_kind"], offences=list(row["offences"]), policy_name=row["policy_name"],
        policy_url=row["policy_url"], contact=row["contact"], trusted_flagger=bool(row["trusted_flagger"]),
        response_hours=row["response_hours"], created_at=row["created_at"], created_by=row["created_by"],
        sent_at=row["sent_at"], sent_by=row["sent_by"], acknowledged_at=row["acknowledged_at"],
        closed_at=row["closed_at"], due_by=row["due_by"], overdue=row["overdue"],
        refusal_reason=row["refusal_reason"], history=[step_of(step) for step in row["history"]], row=row,
    )


async def _referrals(context: Context, ids: Sequence[str]) -> list[Row | None]:
    rows = await context.run(referral_reads.referrals_by_id, context.port, ids=list(ids), scope=context.scope)
    by_id = {row["id"]: row for row in rows}
    return [by_id.get(referral_id) for referral_id in ids]


async def fetch_referrals(info: Info[Context, None], ids: list[str]) -> list[Referral | None]:
    """Return the referrals of `ids` (None where out of scope) through the request's loader; note them consulted."""
    context = info.context
    if "referrals" not in context.loaders:
        context.loaders["referrals"] = DataLoader(load_fn=partial(_referrals, context))
    rows = await context.loaders["referrals"].load_many(ids)
    context.consulted(row["id"] for row in rows if row)
    context.consulted(case for row in rows if row for case in row["cases"])
    return [referral_of(row) if row else None for row in rows]


@strawberry.type(description="The removal of a content item by its platform, as recorded by the hub.")
class ItemRemoval:
    removed_at: datetime
    recorded_by: str | None
    note: str | None
    referral_id: str | None = strawberry.field(description="The referral the removal answered (null if none).")

    @strawberry.field(description="The referral the removal answered, if the caller may see it.")
    async def referral(self, info: Info[Context, None]) -> Referral | None:
        if not self.referral_id:
            return None
        [found] = await fetch_referrals(info, [self.referral_id])
        return found


def removal_of(row: Row | None) -> ItemRemoval | None:
    """Return an item's recorded removal (`removed_at`, `removed_recorded_by`, `removal_referral`, `removal_note`)."""
    if not row or not row.get("removed_at"):
        return None
    return ItemRemoval(removed_at=row["removed_at"], recorded_by=row.get("removed_recorded_by"),
                       note=row.get("removal_note"), referral_id=row.get("removal_referral"))
