"""The /graphql router: authentication in the context getter, limits, masking and audit as extensions."""

from __future__ import annotations

import strawberry
from fastapi import Request
from strawberry.extensions import (
    DisableIntrospection,
    MaskErrors,
    MaxAliasesLimiter,
    MaxTokensLimiter,
    ParserCache,
    QueryDepthLimiter,
    ValidationCache,
)
from strawberry.fastapi import BaseContext, GraphQLRouter

from api.auth import justification_of, require_principal
from api.graphql.context import Context
from api.graphql.extensions import AuditConsultation, should_mask
from core.settings import Settings

MAX_DEPTH = 8
MAX_ALIASES = 20
MAX_TOKENS = 2000


def build_schema(*, production: bool) -> strawberry.Schema:
    """Build the schema with its limits; introspection is off in production."""
    from api.graphql.schema import Mutation, Query

    extensions: list = [
        lambda: ParserCache(maxsize=1000),  # forces send the same few documents: parse and validate them once
        lambda: ValidationCache(maxsize=1000),
        lambda: QueryDepthLimiter(max_depth=MAX_DEPTH),
        lambda: MaxAliasesLimiter(max_alias_count=MAX_ALIASES),
        lambda: MaxTokensLimiter(max_token_count=MAX_TOKENS),
        AuditConsultation,
        lambda: MaskErrors(should_mask_error=should_mask, error_message="Internal error: it was logged; try again later."),
    ]
    if production:
        extensions.insert(0, DisableIntrospection)
    return strawberry.Schema(query=Query, mutation=Mutation, extensions=extensions)


async def _context(request: Request) -> Context | BaseContext:
    if request.method == "GET":  # queries over GET are refused; a GET only fetches GraphiQL (development)
        return BaseContext()
    principal = await require_principal(request)
    state = request.app.state
    return Context(
        port=state.port, settings=state.settings, principal=principal,
        justification=justification_of(request), audit=state.audit,
        executor=state.executor, policies=getattr(state, "policies", None),
    )


def graphql_router(settings: Settings) -> GraphQLRouter:
    """Build the /graphql router; GraphiQL only in development."""
    return GraphQLRouter(
        build_schema(production=settings.environment == "production"),
        context_getter=_context,
        graphql_ide="graphiql" if settings.environment == "development" else None,
        allow_queries_via_get=False,
    )
