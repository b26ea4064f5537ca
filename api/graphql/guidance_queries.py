"""GraphQL for advice to forces: the guidance library, a case's advice, the leads directory, and editing.

The library and the directory are reference data (the READ_CASES right alone); a case's advice reveals what the
case is about, so it is read within the caller's scope with a justification and logged as a consultation of the
case. Editing a document needs EDIT_GUIDANCE and a reason and is audited as an alteration.
"""

from __future__ import annotations

from datetime import datetime

import strawberry
from strawberry.types import Info

from api.graphql.context import Context
from api.graphql.extensions import ShownError
from domain.access import Right
from domain.guidance import Match, match, render_markdown
from graph import documents
from graph.audit import Operation
from graph.guidance import matches_for_cases
from graph.notices import shipped_leads


@strawberry.type
class GuidanceDocument:
    """One version of an editable document: guidance for forces, or a complainant update template."""

    kind: str
    key: str
    title: str
    body: str = strawberry.field(description="Markdown (templates: with {placeholders}).")
    version: int = strawberry.field(description="0 = as shipped; 1, 2, ... = edited by a hub lead.")
    edited_by: str | None
    edited_at: datetime | None
    edit_reason: str | None
    offences: list[str]
    platforms: list[str]
    situations: list[str]
    subject: str | None = strawberry.field(default=None, description="Templates: the message's subject line.")
    match_reason: str | None = strawberry.field(default=None, description="Why it fits the case or filter.")

    @strawberry.field(description="The body rendered as HTML (raw HTML in the Markdown is escaped).")
    def html(self) -> str:
        return render_markdown(self.body)


@strawberry.type
class GuidanceWithHistory:
    """A document's current version and every version before it, newest first (version 0 last)."""

    current: GuidanceDocument
    history: list[GuidanceDocument]


@strawberry.type
class CaseGuidance:
    """The advice for one case and what it was chosen by."""

    case_id: str
    offences: list[str]
    platforms: list[str]
    situations: list[str]
    documents: list[GuidanceDocument]


@strawberry.type
class HateCrimeLead:
    """A force's hate crime lead (or the hub's own entry), as the directory gives it."""

    code: str
    force: str
    name: str
    email: str
    phone: str
    notes: str | None


def as_type(document: documents.Document, reason: str | None = None) -> GuidanceDocument:
    """Return the GraphQL view of a stored or shipped document."""
    tags = document.tags
    return GuidanceDocument(
        kind=document.kind, key=document.key, title=document.title, body=document.body, version=document.version,
        edited_by=document.edited_by, edited_at=document.edited_at, edit_reason=document.reason,
        offences=list(tags.get("offences", ())), platforms=list(tags.get("platforms", ())),
        situations=list(tags.get("situations", ())), subject=document.subject, match_reason=reason,
    )


def _matched(found: Match) -> GuidanceDocument:
    return as_type(found.document, found.reason)


def _library(port, offence: str | None, platform: str | None, situation: str | None) -> list[GuidanceDocument]:
    library = documents.current(port, documents.GUIDANCE)
    if not (offence or platform or situation):
        return [as_type(document) for document in sorted(library, key=lambda d: d.title.lower())]
    found = match(library, [offence] if offence else [], [platform] if platform else [],
                  [situation] if situation else [], include_general=False)
    return [_matched(item) for item in found]


@strawberry.type
class GuidanceQuery:
    """Reads of the advice library, a case's advice and the hate crime leads directory."""

    @strawberry.field(description="Guidance documents in their current version; with a filter, those tagged with "
                                  "that offence, platform or situation, best first.")
    async def guidance(self, info: Info[Context, None], offence: str | None = None, platform: str | None = None,
                       situation: str | None = None) -> list[GuidanceDocument]:
        info.context.require(Right.READ_CASES)
        return await info.context.run(_library, info.context.port, offence, platform, situation)

    @strawberry.field(description="One document (kind guidance or update_template) with its history; null if none.")
    async def guidance_document(self, info: Info[Context, None], kind: str, key: str) -> GuidanceWithHistory | None:
        info.context.require(Right.READ_CASES)
        if kind not in documents.KINDS:
            raise ShownError(f"kind {kind!r}: unknown (expected {' or '.join(documents.KINDS)})")
        versions = await info.context.run(documents.history, info.context.port, kind, key)
        if not versions:
            return None
        return GuidanceWithHistory(current=as_type(versions[0]), history=[as_type(found) for found in versions])

    @strawberry.field(description="The directory of forces' hate crime leads (and the hub's own entry).")
    def hate_crime_leads(self, info: Info[Context, None]) -> list[HateCrimeLead]:
        info.context.require(Right.READ_CASES)
        policies = info.context.policies
        directory = policies.leads if policies is not None else shipped_leads()
        return [HateCrimeLead(code=code, force=lead.force, name=lead.name, email=lead.email, phone=lead.phone,
                              notes=lead.notes)
                for code, lead in sorted(directory.leads.items(), key=lambda item: item[1].force)]

    @strawberry.field(description="The guidance matching a case the caller may see, best first; null otherwise.")
    async def case_guidance(self, info: Info[Context, None], case_id: str) -> CaseGuidance | None:
        info.context.require_personal_data()
        found = await info.context.run(matches_for_cases, info.context.port, [case_id], scope=info.context.scope)
        if case_id not in found:
            return None
        tags, matches = found[case_id]
        info.context.consulted([case_id])
        return CaseGuidance(case_id=case_id, offences=list(tags.offences), platforms=list(tags.platforms),
                            situations=list(tags.situations), documents=[_matched(item) for item in matches])


@strawberry.type
class GuidanceMutation:
    """Editing the advice library and the complainant update templates (hub leads)."""

    @strawberry.mutation(description="Write a new version of a guidance document or update template; earlier "
                                     "versions are kept. Guidance keeps its tags unless new ones are given.")
    async def edit_guidance(self, info: Info[Context, None], kind: str, key: str, title: str, body: str,
                            reason: str, offences: list[str] | None = None, platforms: list[str] | None = None,
                            situations: list[str] | None = None, subject: str | None = None) -> GuidanceDocument:
        info.context.require(Right.EDIT_GUIDANCE)
        if not reason.strip():
            raise ShownError("reason: say why the change is made; it is recorded with it")
        given = {"offences": offences, "platforms": platforms, "situations": situations}
        tags = None
        if any(values is not None for values in given.values()):
            before = await info.context.run(documents.get, info.context.port, kind, key) \
                if kind in documents.KINDS and documents.check_key_quietly(key) else None
            tags = {name: values if values is not None else list((before.tags if before else {}).get(name, ()))
                    for name, values in given.items()}
        try:
            document = await info.context.run(
                documents.edit, info.context.port, kind=kind, key=key, title=title, body=body,
                by=info.context.principal.user, reason=reason, tags=tags, subject=subject)
        except documents.DocumentError as refusal:
            raise ShownError(str(refusal)) from None
        await info.context.log(Operation.ALTERATION, "graphql mutation editGuidance",
                               [f"{kind}:{key}:{document.version}"], details=reason)
        return as_type(document)
