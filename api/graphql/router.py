"""The /graphql router: authentication in the context getter, limits, masking and audit as extensions."""

from __future__ import annotations

import strawberry
from fastapi import Request
from strawberry.extensions import (
    AddValidationRules,
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
DOCUMENT_CACHE_SIZE = 1000

# The depth and alias limits as validation rules, made once: the validation cache is keyed by the rule classes,
# and QueryDepthLimiter and MaxAliasesLimiter make new classes each time they are built, so building them per
# request made every request miss the cache (validation was 43% of the event loop's time under load).
LIMIT_RULES = (
    *QueryDepthLimiter(max_depth=MAX_DEPTH).validation_rules,
    *MaxAliasesLimiter(max_alias_count=MAX_ALIASES).validation_rules,
)


def build_schema(*, production: bool) -> strawberry.Schema:
    """Build the schema with its limits; introspection is off in production."""
    from api.graphql.schema import Mutation, Query

    extensions: list = [
        lambda: ParserCache(maxsize=DOCUMENT_CACHE_SIZE),  # forces send the same few documents: parse and
        lambda: ValidationCache(maxsize=DOCUMENT_CACHE_SIZE),  # validate each once (a refusal is cached too)
        lambda: AddValidationRules(list(LIMIT_RULES)),
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
