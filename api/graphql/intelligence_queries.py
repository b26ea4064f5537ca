"""Reading intelligence: reports (always sanitised) for roles that write or export intelligence, and the record of
disclosures for them and for auditors (who received what is part of checking that disclosures were lawful)."""

from __future__ import annotations

import strawberry
from strawberry.types import Info

from api.graphql.context import Context
from api.graphql.extensions import ShownError
from api.graphql.intelligence_types import Disclosure, IntelligenceReport, disclosure_of, report_of
from api.graphql.pagination import Connection, Edge, PageInfo, connection, decode_cursor, encode_cursor, page_size
from domain.access import AccessDenied, Right
from graph import intelligence


def require_disclosure_reader(context: Context) -> None:
    """Let roles that export intelligence, and auditors, read disclosures; refuse (and note) anyone else."""
    principal = context.principal
    if principal.can(Right.EXPORT_INTELLIGENCE) or principal.can(Right.READ_AUDIT):
        context.personal_data_read = True  # who read the record of disclosures is logged too
        return
    refusal = f"role {principal.role.value} may not read the record of intelligence disclosures"
    context.refusals.append(refusal)
    raise AccessDenied(refusal)


async def reports_shown(info: Info[Context, None], ids: list[str]) -> list[IntelligenceReport]:
    """Load reports sanitised, in the order of `ids`, and note them (and their subjects) as consulted."""
    context = info.context
    rows = await context.run(intelligence.reports_by_id, context.port, ids, scope=context.scope, sanitised=True)
    context.consulted([row["id"] for row in rows] + [row["subject_id"] for row in rows])
    return [report_of(row) for row in rows]


@strawberry.type
class IntelligenceQuery:
    """Intelligence reports and disclosures."""

    @strawberry.field(description="Intelligence reports, latest drafted first, sanitised; filter by subject kind "
                                  "(person, account, campaign) and whether graded.")
    async def intelligence_reports(self, info: Info[Context, None], subject_kind: str | None = None,
                                   graded: bool | None = None, first: int | None = 20,
                                   after: str | None = None) -> Connection[IntelligenceReport]:
        context = info.context
        context.require_personal_data(Right.EXPORT_INTELLIGENCE)
        size = page_size(first)
        try:
            rows = await context.run(intelligence.list_reports, context.port, scope=context.scope,
                                     subject_kind=subject_kind, graded=graded, after=decode_cursor(after),
                                     limit=size + 1)
        except intelligence.IntelligenceError as refusal:
            raise ShownError(str(refusal)) from None
        return connection(rows, await reports_shown(info, [row["id"] for row in rows[:size]]), size)

    @strawberry.field(description="One intelligence report by id (sanitised), with its grading history.")
    async def intelligence_report(self, info: Info[Context, None], id: strawberry.ID) -> IntelligenceReport | None:
        info.context.require_personal_data(Right.EXPORT_INTELLIGENCE)
        found = await reports_shown(info, [str(id)])
        return found[0] if found else None

    @strawberry.field(description="Disclosures of intelligence, latest first: recipient, by, when, which reports, "
                                  "format, whether with victims' data, and the file's SHA-256.")
    async def disclosures(self, info: Info[Context, None], first: int | None = 20,
                          after: str | None = None) -> Connection[Disclosure]:
        context = info.context
        require_disclosure_reader(context)
        size = page_size(first)
        rows = await context.run(intelligence.disclosures, context.port, scope=context.scope,
                                 after=decode_cursor(after), limit=size + 1)
        edges = [Edge(cursor=encode_cursor(row["sort"], row["id"]), node=disclosure_of(row)) for row in rows[:size]]
        context.consulted(edge.node.id for edge in edges)
        return Connection(edges=edges, page_info=PageInfo(has_next_page=len(rows) > size,
                                                          end_cursor=edges[-1].cursor if edges else None))
