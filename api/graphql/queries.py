"""The root Query: reads, each confined to the caller's scope by the Cypher behind it.

Root fields that return personal data call `require_personal_data()` (the READ_CASES right and a
justification); reference data (platforms, forces) needs the right alone; `me` and `health` need neither.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import strawberry
from strawberry.types import Info

from api.graphql.context import Context
from api.graphql.extensions import ShownError
from api.graphql.filters import AccountFilter, CaseFilter, ReportFilter, as_map
from api.graphql.loaders import prime
from api.graphql.pagination import Connection, connection, decode_cursor, page_size
from api.graphql.types import (
    Account, Campaign, Case, ContentItem, Force, Person, Platform, Report, fetch_aligned, fetch_many, fetch_one,
)
from domain.access import ROLE_RIGHTS, Right
from graph.health import readiness
from graph.read import lists, nodes


@strawberry.type
class Health:
    """Whether the platform can serve."""

    ready: bool
    neo4j: str
    pending_migrations: list[str]


@strawberry.type
class Me:
    """The caller as the API sees them."""

    user: str
    role: str
    force: str | None
    rights: list[str]


async def _page(info: Info[Context, None], kind: str, read: Callable[..., list[dict[str, Any]]],
                first: int | None, after: str | None, **filters: Any) -> Connection[Any]:
    """Check the caller may read personal data, read one page of ids and load its nodes."""
    info.context.require_personal_data()
    size = page_size(first)
    try:
        rows = await info.context.run(read, info.context.port, scope=info.context.scope,
                                      after=decode_cursor(after), limit=size + 1, **filters)
    except ValueError as refusal:
        raise ShownError(str(refusal)) from None
    return connection(rows, await fetch_aligned(info, kind, [row["id"] for row in rows[:size]]), size)


async def _one(info: Info[Context, None], kind: str, node_id: str) -> Any:
    info.context.require_personal_data()
    return await fetch_one(info, kind, node_id)


@strawberry.type
class Query:
    """Read operations."""

    @strawberry.field(description="Whether Neo4j is reachable and the schema is migrated.")
    async def health(self, info: Info[Context, None]) -> Health:
        state = await info.context.run(readiness, info.context.port)
        return Health(ready=state.ready, neo4j=state.neo4j, pending_migrations=state.pending_migrations)

    @strawberry.field(description="Who the caller is: user, role, force and rights.")
    def me(self, info: Info[Context, None]) -> Me:
        principal = info.context.principal
        return Me(user=principal.user, role=principal.role.value, force=principal.force,
                  rights=sorted(right.value for right in ROLE_RIGHTS[principal.role]))

    # -- one node by id (null when it does not exist or the caller may not see it) -------------------
    @strawberry.field(description="A case by id.")
    async def case(self, info: Info[Context, None], id: strawberry.ID) -> Case | None:
        return await _one(info, "case", id)

    @strawberry.field(description="A report by id (source:reference).")
    async def report(self, info: Info[Context, None], id: strawberry.ID) -> Report | None:
        return await _one(info, "report", id)

    @strawberry.field(description="A person by id.")
    async def person(self, info: Info[Context, None], id: strawberry.ID) -> Person | None:
        return await _one(info, "person", id)

    @strawberry.field(description="An account by id (platform:handle).")
    async def account(self, info: Info[Context, None], id: strawberry.ID) -> Account | None:
        return await _one(info, "account", id)

    @strawberry.field(description="A content item by its canonical key.")
    async def content_item(self, info: Info[Context, None], key: strawberry.ID) -> ContentItem | None:
        return await _one(info, "item", key)

    @strawberry.field(description="A campaign by id.")
    async def campaign(self, info: Info[Context, None], id: strawberry.ID) -> Campaign | None:
        return await _one(info, "campaign", id)

    @strawberry.field(description="A platform by id (reference data).")
    async def platform(self, info: Info[Context, None], id: strawberry.ID) -> Platform | None:
        info.context.require(Right.READ_CASES)
        return await fetch_one(info, "platform", id)

    @strawberry.field(description="A police force area by its ONS code (reference data).")
    async def force(self, info: Info[Context, None], code: str) -> Force | None:
        info.context.require(Right.READ_CASES)
        return await fetch_one(info, "force", code)

    # -- lists -------------------------------------------------------------------------------------
    @strawberry.field(description="Cases the caller may see, newest first.")
    async def cases(self, info: Info[Context, None], filter: CaseFilter | None = None, first: int | None = 20,
                    after: str | None = None) -> Connection[Case]:
        return await _page(info, "case", lists.cases, first, after, filters=as_map(filter))

    @strawberry.field(description="Reports the caller may see, newest first.")
    async def reports(self, info: Info[Context, None], filter: ReportFilter | None = None, first: int | None = 20,
                      after: str | None = None) -> Connection[Report]:
        return await _page(info, "report", lists.reports, first, after, filters=as_map(filter))

    @strawberry.field(description="Accounts the caller may see, by id.")
    async def accounts(self, info: Info[Context, None], filter: AccountFilter | None = None,
                       first: int | None = 20, after: str | None = None) -> Connection[Account]:
        return await _page(info, "account", lists.accounts, first, after, filters=as_map(filter))

    @strawberry.field(description="Campaigns the caller may see, latest first.")
    async def campaigns(self, info: Info[Context, None], first: int | None = 20,
                        after: str | None = None) -> Connection[Campaign]:
        return await _page(info, "campaign", lists.campaigns, first, after)

    @strawberry.field(description="Ranked accounts the caller may see, most prolific first (offender_rank).")
    async def repeat_offenders(self, info: Info[Context, None], first: int | None = 20,
                               after: str | None = None) -> Connection[Account]:
        return await _page(info, "account", lists.repeat_offenders, first, after)

    @strawberry.field(description="Every platform (reference data).")
    async def platforms(self, info: Info[Context, None]) -> list[Platform]:
        info.context.require(Right.READ_CASES)
        rows = await info.context.run(nodes.platforms, info.context.port)
        prime(info.context, "platform", rows)
        return await fetch_many(info, "platform", [row["id"] for row in rows])

    @strawberry.field(description="Every police force area (reference data).")
    async def forces(self, info: Info[Context, None]) -> list[Force]:
        info.context.require(Right.READ_CASES)
        rows = await info.context.run(nodes.forces, info.context.port)
        prime(info.context, "force", rows)
        return await fetch_many(info, "force", [row["id"] for row in rows])
