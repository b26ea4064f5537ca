"""The GraphQL schema's roots, gathered for the router."""

from __future__ import annotations

from api.graphql.mutations import Mutation
from api.graphql.queries import Query

__all__ = ["Mutation", "Query"]
