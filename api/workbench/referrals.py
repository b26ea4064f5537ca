"""The workbench's platform referral pages: the list (filters, overdue highlighted), one referral with its items,
document and the forms for its next steps, and the forms that draft referrals for a case or a campaign.

Reading needs READ_CASES (within scope); the forms need REFER_CONTENT and this session's CSRF token. Drafting is
audited as an alteration, recording a referral as sent as a disclosure to the platform.
"""

from __future__ import annotations

import asyncio
import json
from datetime import datetime
from urllib.parse import quote, urlencode

from fastapi import APIRouter, Request
from fastapi.responses import RedirectResponse, Response

from api.consult import log_consultation, run
from api.workbench.pages import PageExit, check_csrf, error_page, field, form_of, not_found, render, signed_in
from domain.access import Right
from domain.referrals import EVENTS, STATUSES
from graph import referral_reads, referrals
from graph.audit import AuditEvent, Operation
from graph.read import nodes

router = APIRouter(prefix="/workbench/referrals", include_in_schema=False)
LIST_SIZE = 200


def _shown(rows: list[dict]) -> list[str]:
    return [node for row in rows for node in (row["id"], *row["cases"], *(item["key"] for item in row["items"]))]


@router.get("")
async def referral_list(request: Request, case: str | None = None, platform: str | None = None,
                        status: str | None = None, overdue: str | None = None,
                        message: str | None = None) -> Response:
    """The referrals the caller may see, newest first, filtered; overdue ones highlighted."""
    session = await signed_in(request)
    filters = {"case": case or None, "platform": platform or None, "status": status or None,
               "overdue": True if overdue == "yes" else None}
    try:
        rows = await run(request, referral_reads.list_referrals, request.app.state.port,
                         scope=session.principal.scope, limit=LIST_SIZE, **filters)
    except referrals.ReferralError as refused:
        raise PageExit(error_page(request, 400, "Bad filter", str(refused))) from None
    platforms = await run(request, nodes.platforms, request.app.state.port)
    await log_consultation(request, session.principal, "workbench referrals", _shown(rows), session.justification)
    return render(request, "referrals.html", session, referrals=rows, filters=filters, statuses=STATUSES,
                  platforms=platforms, limit=LIST_SIZE, message=message)


@router.get("/{referral_id:path}")
async def referral_page(request: Request, referral_id: str, message: str | None = None) -> Response:
    """One referral: its basis, contact, dates and history, its items with their removal, the document, and
    (for roles that refer content) a form for each step that may be recorded now."""
    session = await signed_in(request)
    row = await run(request, referral_reads.get, request.app.state.port, referral_id, scope=session.principal.scope)
    if row is None:
        raise not_found(request, "referral", referral_id)
    made = referral_reads.document(row)
    await log_consultation(request, session.principal, "workbench referral page", _shown([row]), session.justification)
    can_refer = session.principal.can(Right.REFER_CONTENT)
    return render(request, "referral.html", session, referral=row, message=message, can_refer=can_refer,
                  steps=referral_reads.next_steps(row) if can_refer else (), document=made,
                  document_json=json.dumps(made["json"], ensure_ascii=False, indent=2))


def _back(path: str, words: str) -> RedirectResponse:
    return RedirectResponse(f"{path}?{urlencode({'message': words})}", status_code=303)


@router.post("/draft")
async def draft(request: Request) -> Response:
    """Draft referrals for a case (field `case`) or a campaign (field `campaign`), audit it, show the case's list."""
    session = await signed_in(request, Right.REFER_CONTENT)
    form = await form_of(request)
    check_csrf(request, form)
    case, campaign = field(form, "case"), field(form, "campaign")
    if bool(case) == bool(campaign):
        raise PageExit(error_page(request, 400, "Case or campaign", "give either a case or a campaign to refer"))
    work = referrals.draft_for_case if case else referrals.draft_for_campaign
    try:
        drafted = await run(request, work, request.app.state.port, case or campaign, by=session.principal.user,
                            platforms=request.app.state.policies.platforms)
    except referrals.ReferralError as refused:
        raise PageExit(error_page(request, 400, "Referral refused", str(refused))) from None
    if drafted.created:
        await log_consultation(request, session.principal, "workbench draft referrals",
                               [*drafted.created, case or campaign], session.justification,
                               operation=Operation.ALTERATION)
    if case:
        return _back(f"/workbench/cases/{quote(case, safe='')}", drafted.message)
    return _back("/workbench/referrals", drafted.message)


def _time(request: Request, text: str) -> datetime | None:
    if not text:
        return None
    try:
        value = datetime.fromisoformat(text.replace("Z", "+00:00"))
    except ValueError:
        raise PageExit(error_page(request, 400, "Bad time", f"at: {text!r} is not a date and time")) from None
    if value.tzinfo is None:
        raise PageExit(error_page(request, 400, "Bad time", f"at: {text!r} needs a time zone (e.g. Z for UTC)"))
    return value


@router.post("/record")
async def record(request: Request) -> Response:
    """Record a step of a referral (sent, acknowledged, removed, refused, no_response), audit it, show it after."""
    session = await signed_in(request, Right.REFER_CONTENT)
    form = await form_of(request)
    check_csrf(request, form)
    referral_id, event = field(form, "referral"), field(form, "event")
    if event not in EVENTS:
        raise PageExit(error_page(request, 400, "Unknown step", f"event is one of {', '.join(EVENTS)}"))
    items = [value.strip() for value in form.get("items", []) if value.strip()]
    try:
        step = await run(request, referrals.record_event, request.app.state.port, referral_id, event,
                         by=session.principal.user, at=_time(request, field(form, "at")),
                         note=field(form, "note") or None, reason=field(form, "reason") or None, items=items,
                         platforms=request.app.state.policies.platforms)
    except referrals.ReferralError as refused:
        raise PageExit(error_page(request, 400, "Step refused", str(refused))) from None
    operation = Operation.DISCLOSURE if event == "sent" else Operation.ALTERATION
    recipient = f"{step['platform']}: {step['contact']}" if event == "sent" else None
    change = AuditEvent.by(session.principal, operation, f"workbench referral {event}",
                           node_ids=(referral_id, *step["items"]), justification=session.justification,
                           recipient=recipient, details=field(form, "reason") or field(form, "note"))
    await asyncio.wrap_future(request.app.state.audit.submit(change))
    words = f"{event.replace('_', ' ').capitalize()} recorded; the referral is now {step['status'].replace('_', ' ')}."
    return _back(f"/workbench/referrals/{quote(referral_id, safe='')}", words)
