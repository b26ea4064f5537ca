"""The workbench's evidence packages page: a case's package versions with their downloads, and the form that
generates the next one (GENERATE_PACKAGES, CSRF-guarded, audited as an alteration)."""

from __future__ import annotations

from urllib.parse import quote, urlencode

from fastapi import APIRouter, Request
from fastapi.responses import RedirectResponse, Response

from api.consult import log_consultation, run
from api.packages import download_paths
from api.workbench.pages import check_csrf, form_of, not_found, render, signed_in
from domain.access import Right
from graph import packages
from graph.audit import Operation
from graph.read import workbench

router = APIRouter(prefix="/workbench/packages", include_in_schema=False)


@router.get("/{case_id:path}")
async def case_packages(request: Request, case_id: str, message: str | None = None) -> Response:
    """Every version of a case's evidence package, newest first, with links to download each file."""
    session = await signed_in(request, Right.GENERATE_PACKAGES)
    port, scope = request.app.state.port, session.principal.scope
    case = await run(request, workbench.case_detail, port, id=case_id, scope=scope)
    if case is None:
        raise not_found(request, "case", case_id)
    rows = await run(request, packages.list_packages, port, case_id, scope=scope)
    await log_consultation(request, session.principal, "workbench evidence packages page",
                           [case_id, *(row["id"] for row in rows)], session.justification)
    versions = [{**row, "urls": download_paths(row["id"])} for row in reversed(rows)]
    return render(request, "packages.html", session, case=case, versions=versions, message=message,
                  contacts_withheld=session.principal.contacts_withheld)


@router.post("/{case_id:path}")
async def generate_package(request: Request, case_id: str) -> Response:
    """Generate the next version of the case's package, audit it, and show the list with the new one first."""
    session = await signed_in(request, Right.GENERATE_PACKAGES)
    form = await form_of(request)
    check_csrf(request, form)
    try:
        made = await run(request, packages.generate, request.app.state.port, case_id,
                         maker=packages.Maker.of(session.principal))
    except packages.PackageError:
        raise not_found(request, "case", case_id) from None
    await log_consultation(request, session.principal, "workbench generate evidence package", made.node_ids,
                           session.justification, operation=Operation.ALTERATION)
    words = f"Evidence package version {made.version} generated ({made.exhibits} exhibits, SHA-256 {made.sha256})."
    return RedirectResponse(f"/workbench/packages/{quote(case_id, safe='')}?{urlencode({'message': words})}",
                            status_code=303)
