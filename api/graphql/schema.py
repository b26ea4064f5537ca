"""The GraphQL schema's roots, gathered for the router."""

from __future__ import annotations

from strawberry.tools import merge_types

from api.graphql.audit_queries import AuditQuery
from api.graphql.mutations import Mutation as ChangeMutation
from api.graphql.queries import Query as ReadQuery

Query = merge_types("Query", (ReadQuery, AuditQuery))
Mutation = merge_types("Mutation", (ChangeMutation,))

__all__ = ["Mutation", "Query"]
