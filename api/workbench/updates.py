"""Workbench pages for complainant updates: the list (overdue first, with a send button) and the outbox.

Reading the updates needs READ_CASES (within the caller's scope; addresses only for roles that may see contacts);
the outbox and the send button need SEND_UPDATES. A send is audited as a disclosure to the complainant.
"""

from __future__ import annotations

from datetime import datetime, timezone
from urllib.parse import urlencode

from fastapi import APIRouter, Request
from fastapi.responses import RedirectResponse, Response

from api.consult import log_consultation, run
from api.graphql.pagination import decode_cursor, encode_cursor
from api.graphql.extensions import ShownError
from api.workbench.pages import PageExit, check_csrf, error_page, field, form_of, render, signed_in
from domain.access import Right
from graph import update_sending, updates
from graph.audit import AuditEvent, Operation

router = APIRouter(prefix="/workbench", include_in_schema=False)
PAGE = 50


def _cursor(after: str | None, request: Request):  # type: ignore[no-untyped-def]
    try:
        return decode_cursor(after)
    except ShownError as refusal:
        raise PageExit(error_page(request, 400, "Bad page link", str(refusal))) from None


@router.get("/updates")
async def update_list(request: Request, case: str | None = None, status: str | None = "due",
                      overdue: str | None = None, after: str | None = None, message: str | None = None) -> Response:
    """Complainant updates, due ones first (the overdue lead), with due dates and why any cannot be sent."""
    session = await signed_in(request)
    wanted = status or None
    if wanted is not None and wanted not in updates.STATUSES:
        raise PageExit(error_page(request, 400, "Unknown status", f"status is one of {', '.join(updates.STATUSES)}"))
    rows = await run(request, updates.list_updates, request.app.state.port, scope=session.principal.scope,
                     now=datetime.now(timezone.utc), case=case or None, status=wanted, overdue=bool(overdue),
                     contacts=session.contacts, after=_cursor(after, request), limit=PAGE + 1)
    shown = rows[:PAGE]
    await log_consultation(request, session.principal, "workbench complainant updates",
                           [row["id"] for row in shown] + [row["complainant"] for row in shown], session.justification)
    chosen = {key: value for key, value in {"case": case, "status": status or "", "overdue": overdue}.items()
              if value is not None}
    next_url = None
    if len(rows) > PAGE:
        next_url = "/workbench/updates?" + urlencode({**chosen, "after": encode_cursor(shown[-1]["sort"], shown[-1]["id"])})
    return render(request, "updates.html", session, active="updates", rows=shown, case=case, status=status or "",
                  overdue=bool(overdue), statuses=updates.STATUSES, next_url=next_url, message=message,
                  can_send=session.principal.can(Right.SEND_UPDATES))


@router.post("/updates/send")
async def send_update(request: Request) -> Response:
    """Send one due update through the configured sender (the outbox by default); audit it as a disclosure."""
    session = await signed_in(request, Right.SEND_UPDATES)
    form = await form_of(request)
    check_csrf(request, form)
    update = field(form, "update")
    port = request.app.state.port
    sender = update_sending.sender_for(request.app.state.settings, port)
    [outcome] = await run(request, update_sending.send_updates, port, [update], by=session.principal.user,
                          sender=sender)
    if outcome.outcome in ("unknown", "refused"):
        raise PageExit(error_page(request, 400, "Not sent", f"update {update}: {outcome.detail}"))
    if outcome.outcome == "sent":
        event = AuditEvent.by(session.principal, Operation.DISCLOSURE, "workbench send complainant update",
                              node_ids=tuple(i for i in (outcome.id, outcome.message, outcome.case) if i),
                              justification=session.justification, recipient=outcome.complainant or "complainant",
                              details=outcome.detail)
        await run(request, request.app.state.audit.record, event)
    back = {"message": f"Update {outcome.id}: {outcome.detail}."}
    if field(form, "case"):
        back["case"] = field(form, "case")
    return RedirectResponse(f"/workbench/updates?{urlencode(back)}", status_code=303)


@router.get("/outbox")
async def outbox(request: Request, after: str | None = None) -> Response:
    """The messages the outbox sender wrote, newest first: nothing left the machine."""
    session = await signed_in(request, Right.SEND_UPDATES)
    rows = await run(request, updates.outbox, request.app.state.port, scope=session.principal.scope, after=_cursor(after, request), limit=PAGE + 1)
    shown = rows[:PAGE]
    await log_consultation(request, session.principal, "workbench outbox", [row["id"] for row in shown],
                           session.justification)
    next_url = None
    if len(rows) > PAGE:
        next_url = "/workbench/outbox?" + urlencode({"after": encode_cursor(shown[-1]["sort"], shown[-1]["id"])})
    return render(request, "updates_outbox.html", session, active="outbox", messages=shown, next_url=next_url)
