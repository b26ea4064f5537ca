"""The root Query: reads, each confined to the caller's scope by the Cypher behind it."""

from __future__ import annotations

import strawberry
from strawberry.types import Info

from api.graphql.context import Context
from graph.health import readiness


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


@strawberry.type
class Query:
    """Read operations."""

    @strawberry.field(description="Whether Neo4j is reachable and the schema is migrated.")
    async def health(self, info: Info[Context, None]) -> Health:
        state = await info.context.run(readiness, info.context.port)
        return Health(ready=state.ready, neo4j=state.neo4j, pending_migrations=state.pending_migrations)

    @strawberry.field(description="Who the caller is: user, role, force and rights.")
    def me(self, info: Info[Context, None]) -> Me:
        from domain.access import ROLE_RIGHTS

        principal = info.context.principal
        return Me(user=principal.user, role=principal.role.value, force=principal.force,
                  rights=sorted(right.value for right in ROLE_RIGHTS[principal.role]))
