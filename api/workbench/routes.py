"""The workbench's pages: case queue, case, account, person, repeat offenders and trends, and the review form.

Each page checks its caller (`signed_in`), gathers its content off the event loop (`api.workbench.data`),
writes the consultation audit entry naming the nodes it shows before answering, and renders a template.
"""

from __future__ import annotations

from urllib.parse import quote, urlencode

from fastapi import APIRouter, Request
from fastapi.responses import RedirectResponse, Response

from api.consult import log_consultation, run
from api.workbench import charts, data
from api.workbench.pages import PageExit, check_csrf, error_page, field, form_of, not_found, render, signed_in
from domain.access import Right
from graph.audit import Operation
from graph.attribution import decisions
from graph.dedupe import review

router = APIRouter(prefix="/workbench", include_in_schema=False)
PANELS = (  # (series, title, heading of the label column, how it is drawn)
    ("reports_by_strand", "Reports by strand", "Strand", charts.bar_chart),
    ("reports_by_platform", "Reports by platform", "Platform", charts.bar_chart),
    ("reports_by_force", "Reports by force (owning force of their case)", "Force", charts.bar_chart),
    ("reports_by_month", "Reports by month received", "Month", charts.column_chart),
    ("open_cases_by_force", "Open cases by owning force", "Force", charts.bar_chart),
    ("case_sizes", "Cases by number of reports combined", "Reports in the case", charts.bar_chart),
)


@router.get("/cases")
async def case_queue(request: Request, force: str | None = None, status: str | None = None,
                     priority: str | None = None, strand: str | None = None, platform: str | None = None,
                     after: str | None = None) -> Response:
    """The case queue, newest first, filtered and paged; only the cases the caller's scope reaches."""
    session = await signed_in(request)
    filters = {"force": force or None, "status": status or None, "priority": priority or None,
               "strand": strand or None, "platform": platform or None}
    page = await run(request, data.queue_page, request.app.state.port, principal=session.principal,
                     filters=filters, after=after)
    await log_consultation(request, session.principal, "workbench case queue", page["shown"], session.justification)
    chosen = {key: value for key, value in filters.items() if value}
    next_url = f"/workbench/cases?{urlencode({**chosen, 'after': page['next']})}" if page["next"] else None
    return render(request, "queue.html", session, filters=filters, next_url=next_url,
                  first_url=f"/workbench/cases?{urlencode(chosen)}" if after else None, **page)


@router.get("/cases/{case_id:path}")
async def case(request: Request, case_id: str, message: str | None = None) -> Response:
    """One case: assessment, jurisdiction, timeline of reports, duplicate links to review, and its network."""
    session = await signed_in(request)
    page = await run(request, data.case_page, request.app.state.port, principal=session.principal, case_id=case_id)
    if page is None:
        raise not_found(request, "case", case_id)
    await log_consultation(request, session.principal, "workbench case page", page["shown"], session.justification)
    return render(request, "case.html", session, message=message,
                  can_review=session.principal.can(Right.REVIEW_DUPLICATES), **page)


async def _decision_form(request: Request, right: Right, page: str, subjects: str):  # type: ignore[no-untyped-def]
    """Check a review form (right, CSRF, a reason); return the session, kind, reason, page to go back to and the
    ids the decision is about."""
    session = await signed_in(request, right)
    form = await form_of(request)
    check_csrf(request, form)
    reason = field(form, "reason")
    if not reason:
        raise PageExit(error_page(request, 400, "Reason needed", "say why: the reason is recorded with the decision"))
    ids = [value.strip() for value in form.get(subjects, []) if value.strip()]
    return session, field(form, "kind"), reason, field(form, page), ids


@router.post("/review")
async def review_duplicates(request: Request) -> Response:
    """Record a duplicate decision (confirm or reject a pair, split a report out), audit it, show the case after."""
    session, kind, reason, back, reports = await _decision_form(request, Right.REVIEW_DUPLICATES, "case", "reports")
    try:
        result = await run(request, review.decide, request.app.state.port, kind=kind, reports=reports,
                           by=session.principal.user, reason=reason)
    except review.ReviewError as refused:
        raise PageExit(error_page(request, 400, "Decision refused", str(refused))) from None
    operation = Operation.COMBINATION if kind == "confirm" else Operation.ALTERATION
    await log_consultation(request, session.principal, "workbench review duplicates",
                           [result.decision, *result.cases, *result.cases.values()], session.justification,
                           operation=operation)
    now_in = set(result.cases.values())
    target = back if back in now_in else result.cases.get(reports[0], back)  # the case page still there
    words = f"Decision {result.decision} ({kind}) recorded; reports now in {', '.join(sorted(now_in))}."
    return RedirectResponse(f"/workbench/cases/{quote(target, safe='')}?{urlencode({'message': words})}",
                            status_code=303)


@router.get("/accounts/{account_id:path}")
async def account(request: Request, account_id: str, message: str | None = None) -> Response:
    """One account: its standing, who controls it (confidence, method, evidence), campaigns, reports, network."""
    session = await signed_in(request)
    page = await run(request, data.account_page, request.app.state.port, principal=session.principal,
                     account_id=account_id)
    if page is None:
        raise not_found(request, "account", account_id)
    await log_consultation(request, session.principal, "workbench account page", page["shown"], session.justification)
    return render(request, "account.html", session, message=message,
                  can_attribute=session.principal.can(Right.REVIEW_ATTRIBUTIONS), **page)


@router.post("/attribution")
async def review_attribution(request: Request) -> Response:
    """Record an attribution decision (confirm or reject a pair of accounts, split one out), audit it, show it."""
    session, kind, reason, back, accounts = await _decision_form(request, Right.REVIEW_ATTRIBUTIONS, "account",
                                                                 "accounts")
    try:
        result = await run(request, decisions.decide, request.app.state.port, kind=kind, accounts=accounts,
                           by=session.principal.user, reason=reason)
    except decisions.DecisionError as refused:
        raise PageExit(error_page(request, 400, "Decision refused", str(refused))) from None
    operation = Operation.COMBINATION if kind == "confirm" else Operation.ALTERATION
    await log_consultation(request, session.principal, "workbench review attribution",
                           [result.decision, *accounts, *result.subjects.values()], session.justification,
                           operation=operation)
    words = f"Decision {result.decision} ({kind}) recorded; attributed now: " + ", ".join(
        f"{account} to {subject}" for account, subject in sorted(result.subjects.items()))
    return RedirectResponse(f"/workbench/accounts/{quote(back, safe='')}?{urlencode({'message': words})}",
                            status_code=303)


@router.get("/people/{person_id:path}")
async def person(request: Request, person_id: str) -> Response:
    """One person: who they are, the accounts attributed to them and on what evidence, campaigns, reports."""
    session = await signed_in(request)
    page = await run(request, data.person_page, request.app.state.port, principal=session.principal,
                     person_id=person_id)
    if page is None:
        raise not_found(request, "person", person_id)
    await log_consultation(request, session.principal, "workbench person page", page["shown"], session.justification)
    return render(request, "person.html", session, **page)


@router.get("/offenders")
async def offenders(request: Request, after: str | None = None) -> Response:
    """Repeat offenders: accounts ranked by offender_rank with the evidence for each rank."""
    session = await signed_in(request)
    page = await run(request, data.offenders_page, request.app.state.port, principal=session.principal, after=after)
    await log_consultation(request, session.principal, "workbench repeat offenders", page["shown"],
                           session.justification)
    next_url = f"/workbench/offenders?{urlencode({'after': page['next']})}" if page["next"] else None
    return render(request, "offenders.html", session, next_url=next_url,
                  first_url="/workbench/offenders" if after else None, **page)


@router.get("/dashboard")
async def dashboard(request: Request) -> Response:
    """Trends over what the caller may see, as server-drawn charts each with its table; counts only, no one named."""
    session = await signed_in(request)
    page = await run(request, data.dashboard_page, request.app.state.port, principal=session.principal)
    series = page["series"]
    series["case_sizes"] = [{"label": f"{row['label']} report{'' if row['label'] == 1 else 's'}", "value": row["value"]}
                            for row in series["case_sizes"]]
    panels = []
    for name, title, heading, draw in PANELS:
        rows = [(str(row["label"]).replace("_", " "), row["value"]) for row in series[name]]
        panels.append({"id": name, "title": title, "heading": heading, "rows": rows,
                       "chart": draw(f"chart-{name}", title, rows)})
    return render(request, "dashboard.html", session, panels=panels, rate=page["rate"], cases=page["cases"],
                  reports=page["reports"])
