"""The workbench's advice pages: the guidance library (filtered), one document with its history and, for hub
leads, its edit form; the update templates; and the directory of forces' hate crime leads.

The library and the directory hold no personal data, so reading them writes no consultation entry; an edit is
audited as an alteration before the page answers.
"""

from __future__ import annotations

from urllib.parse import urlencode

from fastapi import APIRouter, Request
from fastapi.responses import RedirectResponse, Response

from api.consult import log_consultation, run
from api.workbench.pages import PageExit, check_csrf, error_page, field, form_of, render, signed_in
from domain.access import Right
from domain.guidance import SITUATIONS, match, render_markdown
from graph import documents
from graph.audit import Operation
from graph.notices import shipped_leads

router = APIRouter(prefix="/workbench", include_in_schema=False)
KIND_NAMES = {documents.GUIDANCE: "Guidance for forces", documents.UPDATE_TEMPLATE: "Complainant update template"}


def _library(port, filters: dict[str, str | None]) -> dict:  # type: ignore[no-untyped-def]
    library = documents.current(port, documents.GUIDANCE)
    if any(filters.values()):
        wanted = [[filters[name]] if filters[name] else [] for name in ("offence", "platform", "situation")]
        found = match(library, *wanted, include_general=False)
        rows = [{"document": item.document, "reason": item.reason} for item in found]
    else:
        rows = [{"document": document, "reason": None} for document in sorted(library, key=lambda d: d.title.lower())]
    return {"rows": rows, "templates": documents.current(port, documents.UPDATE_TEMPLATE),
            "offences": sorted(documents.known_offences()), "platforms": sorted(documents.known_platforms())}


@router.get("/guidance")
async def library(request: Request, offence: str | None = None, platform: str | None = None,
                  situation: str | None = None) -> Response:
    """The advice library, filtered by offence, platform or situation (best first), and the update templates."""
    session = await signed_in(request)
    filters = {"offence": offence or None, "platform": platform or None, "situation": situation or None}
    page = await run(request, _library, request.app.state.port, filters)
    return render(request, "guidance.html", session, filters=filters, situations=SITUATIONS, **page)


def _document_page(port, kind: str, key: str, version: int | None) -> dict | None:  # type: ignore[no-untyped-def]
    versions = documents.history(port, kind, key)
    if not versions:
        return None
    shown = versions[0] if version is None else next((found for found in versions if found.version == version), None)
    if shown is None:
        return None
    return {"document": shown, "current": versions[0], "versions": versions, "html": render_markdown(shown.body)}


@router.get("/guidance/{kind}/{key}")
async def document(request: Request, kind: str, key: str, version: int | None = None,
                   message: str | None = None) -> Response:
    """One document rendered from its Markdown (or an earlier version), its history, and the edit form."""
    session = await signed_in(request)
    if kind not in documents.KINDS:
        raise PageExit(error_page(request, 404, "No such document", f"there is no kind of document {kind!r}"))
    page = await run(request, _document_page, request.app.state.port, kind, key, version)
    if page is None:
        which = f" in version {version}" if version is not None else ""
        raise PageExit(error_page(request, 404, "No such document", f"there is no {kind} {key!r}{which}"))
    return render(request, "guidance_document.html", session, kind=kind, kind_name=KIND_NAMES[kind],
                  message=message, can_edit=session.principal.can(Right.EDIT_GUIDANCE), **page)


def _save(port, *, kind: str, key: str, **edit: object) -> tuple[documents.Document, bool]:  # type: ignore[no-untyped-def]
    """Edit the document; return the version in force after it and whether a new version was written."""
    before = documents.get(port, kind, key) if kind in documents.KINDS and documents.check_key_quietly(key) else None
    saved = documents.edit(port, kind=kind, key=key, **edit)  # type: ignore[arg-type]
    return saved, before is None or saved.version != before.version


def _listed(text: str) -> list[str] | None:
    values = [value.strip() for value in text.replace("\n", ",").split(",") if value.strip()]
    return values or None


@router.post("/guidance/{kind}/{key}")
async def edit(request: Request, kind: str, key: str) -> Response:
    """Save a hub lead's edit as a new version (the older ones stay), audit it, and show the document."""
    session = await signed_in(request, Right.EDIT_GUIDANCE)
    form = await form_of(request)
    check_csrf(request, form)
    reason = field(form, "reason")
    if not reason:
        raise PageExit(error_page(request, 400, "Reason needed", "say why: the reason is recorded with the edit"))
    tags = None
    if kind == documents.GUIDANCE:
        tags = {name: _listed(field(form, name)) or [] for name in ("offences", "platforms", "situations")}
    try:
        saved, changed = await run(request, _save, request.app.state.port, kind=kind, key=key,
                                   title=field(form, "title"), body=(form.get("body") or [""])[0],
                                   by=session.principal.user, reason=reason, tags=tags,
                                   subject=field(form, "subject") or None)
    except documents.DocumentError as refused:
        raise PageExit(error_page(request, 400, "Edit refused", str(refused))) from None
    if changed:
        await log_consultation(request, session.principal, f"workbench edit {kind} {key}",
                               [f"{kind}:{key}:{saved.version}"], session.justification, operation=Operation.ALTERATION)
    words = f"Version {saved.version} saved." if changed else f"Nothing changed: still version {saved.version}."
    return RedirectResponse(f"/workbench/guidance/{kind}/{key}?{urlencode({'message': words})}", status_code=303)


@router.get("/leads")
async def leads(request: Request) -> Response:
    """The directory of forces' hate crime leads, as assignment notices address them."""
    session = await signed_in(request)
    policies = getattr(request.app.state, "policies", None)
    directory = policies.leads if policies is not None else shipped_leads()
    rows = sorted(directory.leads.items(), key=lambda item: item[1].force)
    return render(request, "leads.html", session, leads=rows, hub_code=directory.hub_code)
