"""Complainant updates through GraphQL: the list (within the caller's scope), the outbox, sending and refreshing.

Reading needs READ_CASES (the complainant's address only for roles with READ_CONTACTS: the Cypher leaves it
out otherwise); the outbox, sending and refreshing need SEND_UPDATES. A send is audited as a disclosure whose
recipient is the complainant's person id, never their address; a refresh as an alteration.
"""

from __future__ import annotations

from datetime import datetime, timezone
from typing import Any

import strawberry
from strawberry.types import Info

from api.graphql.context import Context
from api.graphql.extensions import ShownError
from api.graphql.mutations import Justification
from api.graphql.pagination import Connection, connection, decode_cursor, page_size
from domain.access import Right
from graph import update_sending, updates
from graph.audit import Operation


@strawberry.type
class ComplainantUpdate:
    """One update owed to a report's complainant about one key event, on its Victims' Code clock."""

    id: strawberry.ID
    report: str
    reference: str | None
    case_id: str | None
    complainant: str | None = strawberry.field(description="The complainant's person id (the report's reporter).")
    event: str
    event_key: str
    event_at: datetime
    due_by: datetime
    working_days: int
    enhanced: bool
    enhanced_reason: str | None
    status: str = strawberry.field(description="due, sent, not_contactable or withdrawn.")
    overdue: bool
    channel: str | None
    address: str | None = strawberry.field(description="Where it goes; null for roles that may not see contacts.")
    not_contactable_reason: str | None
    withdrawn_reason: str | None
    sent_at: datetime | None
    sent_by: str | None
    message_id: str | None


@strawberry.type
class OutboxMessage:
    """A message the outbox sender wrote: nothing left the machine."""

    id: strawberry.ID
    update_id: str
    report: str
    case_id: str | None
    to: str
    channel: str
    subject: str
    body: str
    created_at: datetime


@strawberry.type
class UpdateSent:
    """What became of an update asked to be sent: `sent`, or `already` (sent before, not sent again)."""

    update_id: str
    outcome: str
    detail: str
    message_id: str | None


@strawberry.type
class UpdateStatusCount:
    status: str
    count: int


@strawberry.type
class UpdatesRefreshed:
    """A refresh: updates written for the first time, withdrawn, and how many stand in each status."""

    new: int
    withdrawn: int
    statuses: list[UpdateStatusCount]


def _update(row: dict[str, Any]) -> ComplainantUpdate:
    return ComplainantUpdate(
        id=row["id"], report=row["report"], reference=row["reference"], case_id=row["case"],
        complainant=row["complainant"], event=row["event"], event_key=row["event_key"], event_at=row["event_at"],
        due_by=row["due_by"], working_days=row["working_days"], enhanced=row["enhanced"],
        enhanced_reason=row["enhanced_reason"], status=row["status"], overdue=row["overdue"], channel=row["channel"],
        address=row["address"], not_contactable_reason=row["not_contactable_reason"],
        withdrawn_reason=row["withdrawn_reason"], sent_at=row["sent_at"], sent_by=row["sent_by"],
        message_id=row["message"],
    )


def _message(row: dict[str, Any]) -> OutboxMessage:
    return OutboxMessage(id=row["id"], update_id=row["update"], report=row["report"], case_id=row["case"],
                         to=row["to"], channel=row["channel"], subject=row["subject"], body=row["body"],
                         created_at=row["created_at"])


@strawberry.type
class UpdatesQuery:
    """Complainant updates and the outbox."""

    @strawberry.field(description="Complainant updates the caller may see: due first, earliest due first.")
    async def complainant_updates(self, info: Info[Context, None], case_id: str | None = None,
                                  status: str | None = None, overdue: bool = False, first: int | None = 20,
                                  after: str | None = None) -> Connection[ComplainantUpdate]:
        context = info.context
        context.require_personal_data()
        size = page_size(first)
        try:
            rows = await context.run(
                updates.list_updates, context.port, scope=context.scope, now=datetime.now(timezone.utc),
                case=case_id, status=status, overdue=overdue, contacts=context.principal.can(Right.READ_CONTACTS),
                after=decode_cursor(after), limit=size + 1)
        except updates.UpdateError as refusal:
            raise ShownError(str(refusal)) from None
        nodes = [_update(row) for row in rows[:size]]
        context.consulted(row["id"] for row in rows[:size])
        context.consulted(row["complainant"] for row in rows[:size])
        return connection(rows, nodes, size)

    @strawberry.field(description="Messages the outbox sender wrote, newest first (roles that send updates).")
    async def outbox(self, info: Info[Context, None], first: int | None = 20,
                     after: str | None = None) -> Connection[OutboxMessage]:
        context = info.context
        context.require_personal_data(Right.SEND_UPDATES)
        size = page_size(first)
        rows = await context.run(updates.outbox, context.port, scope=context.scope, after=decode_cursor(after), limit=size + 1)
        context.consulted(row["id"] for row in rows[:size])
        return connection(rows, [_message(row) for row in rows[:size]], size)


@strawberry.type
class UpdatesMutation:
    """Sending and refreshing complainant updates."""

    @strawberry.mutation(description="Send one due update through the configured sender (the outbox by default).")
    async def send_complainant_update(self, info: Info[Context, None], update_id: str,
                                      justification: Justification = None) -> UpdateSent:
        context = info.context
        why = context.require_personal_data(Right.SEND_UPDATES, justification)
        sender = update_sending.sender_for(context.settings, context.port)
        try:
            [outcome] = await context.run(update_sending.send_updates, context.port, [update_id],
                                          by=context.principal.user, sender=sender)
        except updates.UpdateError as refusal:
            raise ShownError(str(refusal)) from None
        if outcome.outcome in ("unknown", "refused"):
            raise ShownError(f"update {update_id}: {outcome.detail}")
        if outcome.outcome == "sent":
            await context.log(Operation.DISCLOSURE, f"graphql mutation {info.field_name}",
                              [outcome.id, outcome.message or "", outcome.case or ""], justification=why,
                              recipient=outcome.complainant or "complainant", details=outcome.detail)
        return UpdateSent(update_id=outcome.id, outcome=outcome.outcome, detail=outcome.detail,
                          message_id=outcome.message)

    @strawberry.mutation(description="Find the key events now, of every report or of one case's, and write the "
                                     "updates they call for (only what changed is written).")
    async def refresh_complainant_updates(self, info: Info[Context, None], justification: Justification = None,
                                          case_id: str | None = None) -> UpdatesRefreshed:
        context = info.context
        why = context.require_personal_data(Right.SEND_UPDATES, justification)
        result = await context.run(updates.refresh, context.port, datetime.now(timezone.utc),
                                   cases=None if case_id is None else [case_id])
        await context.log(Operation.ALTERATION, f"graphql mutation {info.field_name}", [case_id or ""],
                          justification=why,
                          details=f"{result.new} new updates, {result.withdrawn} withdrawn")
        return UpdatesRefreshed(new=result.new, withdrawn=result.withdrawn, statuses=[
            UpdateStatusCount(status=status, count=count) for status, count in sorted(result.statuses.items())])
