"""Auditors' view of the audit trail: entries newest first, filtered, and a check of the hash chain."""

from __future__ import annotations

from datetime import datetime

import strawberry
from strawberry.types import Info

from api.graphql.context import Context
from api.graphql.extensions import ShownError
from domain.access import Right
from graph.audit import Operation, search, verify

MAX_PAGE = 200


@strawberry.type
class AuditEntry:
    """One logged act: who did which operation to which nodes, when and why, and its place in the chain."""

    seq: int
    at: datetime
    actor: str
    role: str
    force: str | None
    credential: str | None
    operation: str
    target: str
    node_ids: list[str]
    justification: str | None
    outcome: str
    recipient: str | None
    details: str | None
    prev_hash: str
    hash: str


@strawberry.type
class AuditEdge:
    cursor: str
    node: AuditEntry


@strawberry.type
class AuditPageInfo:
    has_next_page: bool
    end_cursor: str | None


@strawberry.type
class AuditConnection:
    """A page of entries, newest first; pass `endCursor` as `after` for the next (older) page."""

    edges: list[AuditEdge]
    page_info: AuditPageInfo


@strawberry.type
class AuditCheck:
    """The outcome of recomputing the hash chain."""

    intact: bool
    entries: int
    head_seq: int
    head_hash: str
    problems: list[str]


def _entry(row: dict) -> AuditEntry:
    return AuditEntry(
        seq=row["seq"], at=row["at"], actor=row["actor"], role=row["role"], force=row.get("force"),
        credential=row.get("credential"), operation=row["operation"], target=row["target"],
        node_ids=list(row.get("node_ids") or []), justification=row.get("justification"), outcome=row["outcome"],
        recipient=row.get("recipient"), details=row.get("details"), prev_hash=row["prev_hash"], hash=row["hash"],
    )


@strawberry.type
class AuditQuery:
    """Auditors only."""

    @strawberry.field(description="Audit entries, newest first, filtered by actor, operation, node id and time.")
    async def audit_trail(
        self, info: Info[Context, None], actor: str | None = None, operation: str | None = None,
        node_id: str | None = None, since: datetime | None = None, until: datetime | None = None,
        first: int = 50, after: str | None = None,
    ) -> AuditConnection:
        context = info.context
        context.require(Right.READ_AUDIT)
        context.personal_data_read = True  # the trail names people's nodes: the auditor's look is logged too
        if not 1 <= first <= MAX_PAGE:
            raise ShownError(f"first must be between 1 and {MAX_PAGE}")
        if operation is not None and operation not in {item.value for item in Operation}:
            raise ShownError(f"operation must be one of {', '.join(item.value for item in Operation)}")
        before = None
        if after is not None:
            if not after.isdigit():
                raise ShownError("after must be a cursor returned by auditTrail")
            before = int(after)
        rows = await context.run(
            search, context.port, actor=actor, operation=operation, node=node_id, start=since, end=until,
            before=before, limit=first + 1,
        )
        page = rows[:first]
        edges = [AuditEdge(cursor=str(row["seq"]), node=_entry(row)) for row in page]
        return AuditConnection(
            edges=edges, page_info=AuditPageInfo(has_next_page=len(rows) > first,
                                                 end_cursor=edges[-1].cursor if edges else None),
        )

    @strawberry.field(description="Recompute the hash chain now and report every break found.")
    async def audit_verification(self, info: Info[Context, None]) -> AuditCheck:
        info.context.require(Right.READ_AUDIT)
        result = await info.context.run(verify, info.context.port)
        return AuditCheck(intact=result.intact, entries=result.entries, head_seq=result.head_seq,
                          head_hash=result.head_hash, problems=list(result.problems))
