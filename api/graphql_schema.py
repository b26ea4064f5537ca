"""The GraphQL schema served at /graphql."""

from __future__ import annotations

import strawberry
from fastapi import Request
from strawberry.fastapi import BaseContext, GraphQLRouter
from strawberry.types import Info

from core.settings import Settings
from graph.health import readiness
from graph.port import GraphPort


class Context(BaseContext):
    """Per-request context: the graph port and the settings."""

    def __init__(self, port: GraphPort, settings: Settings) -> None:
        super().__init__()
        self.port = port
        self.settings = settings


@strawberry.type
class Health:
    """Whether the platform can serve."""

    ready: bool
    neo4j: str
    pending_migrations: list[str]


@strawberry.type
class Query:
    """Read operations."""

    @strawberry.field(description="Whether Neo4j is reachable and the schema is migrated.")
    def health(self, info: Info[Context, None]) -> Health:
        state = readiness(info.context.port)
        return Health(ready=state.ready, neo4j=state.neo4j, pending_migrations=state.pending_migrations)


async def _context(request: Request) -> Context:
    return Context(port=request.app.state.port, settings=request.app.state.settings)


def graphql_router(settings: Settings) -> GraphQLRouter:
    """Build the /graphql router; GraphiQL only in development."""
    schema = strawberry.Schema(query=Query)

    return GraphQLRouter(
        schema,
        context_getter=_context,
        graphql_ide="graphiql" if settings.environment == "development" else None,
    )
