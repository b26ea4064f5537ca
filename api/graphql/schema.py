"""The GraphQL schema's roots, gathered for the router."""

from __future__ import annotations

from strawberry.tools import merge_types

from api.graphql.audit_queries import AuditQuery
from api.graphql.guidance_queries import GuidanceMutation, GuidanceQuery
from api.graphql.intelligence_mutations import IntelligenceMutation
from api.graphql.intelligence_queries import IntelligenceQuery
from api.graphql.mutations import Mutation as ChangeMutation
from api.graphql.package_queries import PackageMutation, PackageQuery
from api.graphql.queries import Query as ReadQuery
from api.graphql.referral_api import ReferralMutation, ReferralQuery
from api.graphql.updates_api import UpdatesMutation, UpdatesQuery

Query = merge_types(
    "Query", (ReadQuery, AuditQuery, ReferralQuery, PackageQuery, UpdatesQuery, IntelligenceQuery, GuidanceQuery)
)
Mutation = merge_types(
    "Mutation",
    (ChangeMutation, ReferralMutation, PackageMutation, UpdatesMutation, IntelligenceMutation, GuidanceMutation),
)

__all__ = ["Mutation", "Query"]
