"""The workbench's intelligence pages: the list of reports with the draft form, one report (sanitised) with its
grading history and the grade and export forms, and the export's download.

Every page needs EXPORT_INTELLIGENCE; exporting with victims' data also DISCLOSE_VICTIM_DATA. A page view is
audited as a consultation, a draft as a combination, a grading as an alteration; an export writes its Disclosure
and its disclosure entry (with the recipient) in one transaction before the file is sent.
"""

from __future__ import annotations

from urllib.parse import quote, urlencode

from fastapi import APIRouter, Request
from fastapi.responses import RedirectResponse, Response

from api.consult import log_consultation, run
from api.workbench.pages import PageExit, Session, check_csrf, error_page, field, form_of, not_found, render, signed_in
from domain.access import Right
from graph import intelligence
from graph.audit import AuditEvent, Operation
from graph.intelligence_content import KINDS
from graph.intelligence_export import FORMATS, export
from graph.port import Row

router = APIRouter(prefix="/workbench/intelligence", include_in_schema=False)
PAGE = 25


def _refused(request: Request, title: str, failure: Exception) -> PageExit:
    return PageExit(error_page(request, 400, title, str(failure)))


def _page(port, after_id: str | None, kind: str | None, scope: dict) -> dict:  # type: ignore[no-untyped-def]
    after = None
    if after_id:
        [row] = intelligence.reports_by_id(port, [after_id], scope=scope) or [None]
        after = {"sort": row["drafted_at"], "id": row["id"]} if row else None
    ids = intelligence.list_reports(port, scope=scope, subject_kind=kind, after=after, limit=PAGE + 1)
    reports = intelligence.reports_by_id(port, [row["id"] for row in ids[:PAGE]], scope=scope, sanitised=True)
    return {"reports": reports, "next": ids[PAGE - 1]["id"] if len(ids) > PAGE else None,
            "disclosures": intelligence.disclosures(port, scope=scope, limit=10)}


@router.get("")
async def reports_page(request: Request, kind: str | None = None, subject: str | None = None,
                       after: str | None = None, message: str | None = None) -> Response:
    """Intelligence reports, latest first, with the form to draft one (prefilled from `kind` and `subject`)."""
    session = await signed_in(request, Right.EXPORT_INTELLIGENCE)
    shown_kind = kind if kind in KINDS else None
    page = await run(request, _page, request.app.state.port, after, shown_kind, session.principal.scope)
    shown = [row["id"] for row in page["reports"]] + [row["subject_id"] for row in page["reports"]]
    await log_consultation(request, session.principal, "workbench intelligence", shown, session.justification)
    next_url = f"/workbench/intelligence?{urlencode({'after': page['next']})}" if page["next"] else None
    return render(request, "intelligence.html", session, active="intelligence", kinds=KINDS, kind=shown_kind,
                  subject=subject or "", message=message, next_url=next_url, **page)


@router.get("/reports/{report_id:path}")
async def report_page(request: Request, report_id: str, message: str | None = None) -> Response:
    """One report, sanitised: summary, grading and its history, content; the grade and export forms."""
    session = await signed_in(request, Right.EXPORT_INTELLIGENCE)
    found = await run(request, intelligence.reports_by_id, request.app.state.port, [report_id],
                      scope=session.principal.scope, sanitised=True)
    if not found:
        raise not_found(request, "intelligence report", report_id)
    report: Row = found[0]
    await log_consultation(request, session.principal, "workbench intelligence report",
                           [report["id"], report["subject_id"]], session.justification)
    return render(request, "intelligence_report.html", session, active="intelligence", report=report,
                  content=report["content"], message=message, formats=FORMATS,
                  can_disclose=session.principal.can(Right.DISCLOSE_VICTIM_DATA))


def _back(report_id: str, words: str) -> RedirectResponse:
    return RedirectResponse(f"/workbench/intelligence/reports/{quote(report_id, safe='')}?"
                            f"{urlencode({'message': words})}", status_code=303)


async def _form(request: Request, right: Right = Right.EXPORT_INTELLIGENCE) -> tuple[Session, dict[str, list[str]]]:
    session = await signed_in(request, right)
    form = await form_of(request)
    check_csrf(request, form)
    return session, form


@router.post("/draft")
async def draft(request: Request) -> Response:
    """Draft a report about a person, account or campaign; show it."""
    session, form = await _form(request)
    kind, subject = field(form, "kind"), field(form, "subject")
    try:
        drafted = await run(request, intelligence.draft, request.app.state.port, kind, subject,
                            by=session.principal.user, scope=session.principal.scope)
    except intelligence.IntelligenceError as refused:
        raise _refused(request, "Draft refused", refused) from None
    await log_consultation(request, session.principal, "workbench draft intelligence", [drafted.id, subject],
                           session.justification, operation=Operation.COMBINATION)
    return _back(drafted.id, f"Draft {drafted.id} written; suggested grading "
                             f"{drafted.suggested_source}/{drafted.suggested_assessment}.")


@router.post("/grade")
async def grade(request: Request) -> Response:
    """Grade a report 3x5x2 (a new version); show it."""
    session, form = await _form(request)
    report_id = field(form, "report")
    try:
        graded = await run(request, intelligence.grade, request.app.state.port, report_id,
                           source=field(form, "source"), assessment=field(form, "assessment"),
                           handling=field(form, "handling"), conditions=field(form, "conditions") or None,
                           by=session.principal.user, reason=field(form, "reason"))
    except intelligence.IntelligenceError as refused:
        raise _refused(request, "Grading refused", refused) from None
    await log_consultation(request, session.principal, "workbench grade intelligence", [report_id],
                           session.justification, operation=Operation.ALTERATION)
    return _back(report_id, f"Graded {graded.code} (version {graded.version}; suggested {graded.suggested}).")


@router.post("/export")
async def export_download(request: Request) -> Response:
    """Export the reports chosen to a recipient and send the file as a download; the disclosure is recorded."""
    session, form = await _form(request)
    principal = session.principal
    with_victims = field(form, "with_victim_data") == "yes"
    if with_victims and not principal.can(Right.DISCLOSE_VICTIM_DATA):
        raise PageExit(error_page(request, 403, "Not allowed",
                                  f"role {principal.role.value} may not disclose victims' personal data in intelligence"))
    fmt, recipient = field(form, "format") or "jsonl", field(form, "recipient")
    ids = [value.strip() for value in form.get("ids", []) if value.strip()]

    def audited(node_ids: list[str]) -> AuditEvent:
        return AuditEvent.by(principal, Operation.DISCLOSURE, "workbench intelligence export",
                             node_ids=tuple(node_ids), justification=session.justification,
                             recipient=" ".join(recipient.split()), details=fmt)

    try:
        done = await run(request, export, request.app.state.port, ids=ids or None, fmt=fmt, recipient=recipient,
                         with_victim_data=with_victims, may_disclose_victim_data=principal.can(Right.DISCLOSE_VICTIM_DATA),
                         by=principal.user, justification=session.justification, audited=audited)
    except intelligence.IntelligenceError as refused:
        raise _refused(request, "Export refused", refused) from None
    name = f"intelligence-{done.disclosure_id.removeprefix('disclosure:')[:8]}.{done.format}"
    media = "application/x-ndjson" if done.format == "jsonl" else "text/csv"
    return Response(done.content, media_type=f"{media}; charset=utf-8", headers={
        "Content-Disposition": f'attachment; filename="{name}"', "Cache-Control": "no-store",
        "X-Disclosure": done.disclosure_id, "X-Content-SHA256": done.sha256})
