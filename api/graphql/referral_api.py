"""Platform referrals through GraphQL: `referrals` and `referral` (scoped reads), and the changes.

Every role that reads cases may read the referrals of the cases it can read (the Cypher applies `$scope`);
only roles with REFER_CONTENT (hub officers and leads) draft referrals and record their steps. A draft is an
alteration in the audit trail; recording a referral as sent is a disclosure to the platform (`recipient`).
"""

from __future__ import annotations

from datetime import datetime

import strawberry
from strawberry.types import Info

from api.graphql.context import Context
from api.graphql.extensions import ShownError
from api.graphql.mutations import Justification
from api.graphql.pagination import Connection, connection, decode_cursor, page_size
from api.graphql.referral_types import Referral, ReferralEventKind, ReferralStep, fetch_referrals, step_of
from domain.access import Right
from graph import referral_reads, referrals
from graph.audit import Operation


@strawberry.type(description="Referrals drafted for a case or a campaign, and the items left out and why.")
class DraftedReferrals:
    referrals: list[Referral]
    skipped_referred: list[str] = strawberry.field(description="Items already on an open referral to their platform.")
    skipped_removed: list[str] = strawberry.field(description="Items whose removal is already recorded.")
    message: str


@strawberry.type(description="A step recorded on a referral, and the referral after it.")
class RecordedStep:
    step: ReferralStep
    referral: Referral | None
    message: str


@strawberry.type(description="A removal recorded without a referral, or found recorded before (`recorded` false).")
class RecordedRemoval:
    item_key: str
    recorded: bool
    message: str


@strawberry.type
class ReferralQuery:
    """Reads of platform referrals."""

    @strawberry.field(description="Referrals the caller may see, newest first: by case, platform, status, overdue.")
    async def referrals(self, info: Info[Context, None], case_id: str | None = None, platform: str | None = None,
                        status: str | None = None, overdue: bool | None = None, first: int | None = 20,
                        after: str | None = None) -> Connection[Referral]:
        info.context.require_personal_data()
        size = page_size(first)
        try:
            rows = await info.context.run(referral_reads.list_page, info.context.port, scope=info.context.scope,
                                          case=case_id, platform=platform, status=status, overdue=overdue,
                                          after=decode_cursor(after), limit=size + 1)
        except referrals.ReferralError as refusal:
            raise ShownError(str(refusal)) from None
        return connection(rows, await fetch_referrals(info, [row["id"] for row in rows[:size]]), size)

    @strawberry.field(description="A referral by id (null when there is none or the caller may not see it).")
    async def referral(self, info: Info[Context, None], id: strawberry.ID) -> Referral | None:
        info.context.require_personal_data()
        [found] = await fetch_referrals(info, [id])
        return found


async def _drafted(info: Info[Context, None], kind: str, source: str, justification: str | None) -> DraftedReferrals:
    why = info.context.require_personal_data(Right.REFER_CONTENT, justification)
    draft = referrals.draft_for_case if kind == "case" else referrals.draft_for_campaign
    try:
        drafted = await info.context.run(draft, info.context.port, source, by=info.context.principal.user,
                                         platforms=info.context.policies.platforms)
    except referrals.ReferralError as refusal:
        raise ShownError(str(refusal)) from None
    if drafted.created:
        await info.context.log(Operation.ALTERATION, f"graphql mutation {info.field_name}",
                               [*drafted.created, source], justification=why, details=drafted.message)
    found = await fetch_referrals(info, list(drafted.created))
    return DraftedReferrals(referrals=[referral for referral in found if referral],
                            skipped_referred=list(drafted.skipped_referred),
                            skipped_removed=list(drafted.skipped_removed), message=drafted.message)


@strawberry.type
class ReferralMutation:
    """Changes to platform referrals: drafting, and recording each step of their lifecycle."""

    @strawberry.mutation(description="Draft one referral per platform of a case's content items not yet removed "
                                     "nor on an open referral (a rerun drafts nothing new).")
    async def draft_referrals(self, info: Info[Context, None], case_id: str,
                              justification: Justification = None) -> DraftedReferrals:
        return await _drafted(info, "case", case_id, justification)

    @strawberry.mutation(description="Draft one bulk referral per platform of a campaign's content items.")
    async def refer_campaign(self, info: Info[Context, None], campaign_id: str,
                             justification: Justification = None) -> DraftedReferrals:
        return await _drafted(info, "campaign", campaign_id, justification)

    @strawberry.mutation(description="Record that a content item was removed without a referral (found gone, or "
                                     "removed by the platform unasked); an item recorded before keeps its record.")
    async def record_content_removal(self, info: Info[Context, None], item_key: str, note: str,
                                     at: datetime | None = None,
                                     justification: Justification = None) -> RecordedRemoval:
        why = info.context.require_personal_data(Right.REFER_CONTENT, justification)
        try:
            row = await info.context.run(referrals.record_removal, info.context.port, item_key,
                                         by=info.context.principal.user, note=note, at=at)
        except referrals.ReferralError as refusal:
            raise ShownError(str(refusal)) from None
        if not row["recorded"]:
            return RecordedRemoval(item_key=row["key"], recorded=False,
                                   message=f"item {row['key']}: removal already recorded by {row['recorded_by']}")
        await info.context.log(Operation.ALTERATION, f"graphql mutation {info.field_name}", [row["key"]],
                               justification=why, details=note)
        return RecordedRemoval(item_key=row["key"], recorded=True, message=f"item {row['key']}: removal recorded")

    @strawberry.mutation(description="Record a step of a referral: sent, acknowledged, removed (all items, or those "
                                     "given), refused (with the platform's reason) or no_response (once overdue).")
    async def record_referral_event(
        self, info: Info[Context, None], referral_id: str, event: ReferralEventKind,
        items: list[str] | None = None, note: str | None = None, reason: str | None = None,
        at: datetime | None = None, justification: Justification = None,
    ) -> RecordedStep:
        why = info.context.require_personal_data(Right.REFER_CONTENT, justification)
        try:
            step = await info.context.run(referrals.record_event, info.context.port, referral_id, event.value,
                                          by=info.context.principal.user, at=at, note=note, reason=reason,
                                          items=items or (), platforms=info.context.policies.platforms)
        except referrals.ReferralError as refusal:
            raise ShownError(str(refusal)) from None
        target = f"graphql mutation {info.field_name}"
        if event is ReferralEventKind.sent:
            await info.context.log(Operation.DISCLOSURE, target, [referral_id], justification=why,
                                   recipient=f"{step['platform']}: {step['contact']}", details="referral sent")
        else:
            await info.context.log(Operation.ALTERATION, target, [referral_id, *step["items"]], justification=why,
                                   details=f"{event.value}: {reason or note or ''}".strip(": "))
        [referral] = await fetch_referrals(info, [referral_id])
        removed = f", {len(step['items'])} items removed" if step["items"] else ""
        return RecordedStep(step=step_of(step), referral=referral,
                            message=f"referral {referral_id}: {event.value.replace('_', ' ')} recorded{removed}; "
                                    f"now {step['status'].replace('_', ' ')}")
