"""GET /packages/{id}/bundle.zip, /package.pdf, /package.html: an evidence package's files, downloaded and audited.

Signed in with a bearer token or the workbench's cookie (401), a role with GENERATE_PACKAGES and a justification
(403 with the reason), the package's case within the caller's scope (404, exactly as for a package that does not
exist). A package holding complainants' and victims' contact details is refused (403) to a role that may not see
them. Every download is audited before the file leaves: a force officer's as a disclosure to their force (the
package goes to the force that works the case); anyone else's as a consultation (the hub's own staff, who pass a
package on by their own means, each time audited there). Each file is checked against the package's manifest
before it is served, and the download is noted on the package for later versions' continuity logs.
"""

from __future__ import annotations

import asyncio
import re
from enum import StrEnum
from urllib.parse import quote

from fastapi import APIRouter, Request
from fastapi.responses import JSONResponse, Response

from api.consult import caller_or_refusal, run
from domain.access import Principal, Right, Role
from graph import packages
from graph.audit import AuditEvent, Operation

router = APIRouter(prefix="/packages", tags=["evidence packages"])
_HEADERS = {"Cache-Control": "no-store", "X-Content-Type-Options": "nosniff", "Referrer-Policy": "no-referrer"}
# The HTML is self-contained: the browser may load nothing for it, and runs nothing in it.
_HTML_POLICY = "default-src 'none'; style-src 'unsafe-inline'; img-src data:; sandbox"


class PackageFile(StrEnum):
    """The files a package can be downloaded as."""

    BUNDLE = "bundle.zip"
    PDF = "package.pdf"
    HTML = "package.html"


_TYPES = {PackageFile.BUNDLE: "application/zip", PackageFile.PDF: "application/pdf",
          PackageFile.HTML: "text/html; charset=utf-8"}


def download_paths(package_id: str) -> dict[str, str]:
    """Return the addresses of a package's downloads: bundle, pdf, html."""
    base = f"/packages/{quote(package_id, safe='')}"
    return {"bundle": f"{base}/{PackageFile.BUNDLE.value}", "pdf": f"{base}/{PackageFile.PDF.value}",
            "html": f"{base}/{PackageFile.HTML.value}"}


def _file_name(fetched: packages.Fetched, file: PackageFile) -> str:
    stem = re.sub(r"[^A-Za-z0-9_-]+", "-", fetched.case).strip("-")
    suffix = file.value.rsplit(".", 1)[1]
    return f"evidence-package-{stem}-v{fetched.version}.{suffix}"


@router.get(
    "/{package_id}/{file}",
    summary="Download an evidence package: the zip bundle, the PDF or the HTML page",
    description="The bundle holds package.json, package.html, package.pdf, exhibits/EX-nnn.json and manifest.json "
                "(every file's SHA-256); `hub package verify FILE` checks it. Every download is audited.",
    responses={
        200: {"description": "the file", "content": {"application/zip": {}, "application/pdf": {}, "text/html": {}}},
        401: {"description": "not signed in"},
        403: {"description": "the role may not generate packages or see the contacts it holds, or gave no justification"},
        404: {"description": "no such package, or one whose case the caller may not see (the two answer alike)"},
        429: {"description": "the caller's rate limit is spent"},
    },
)
async def download(request: Request, package_id: str, file: PackageFile) -> Response:
    target = f"GET /packages/{package_id}/{file.value}"
    checked = await caller_or_refusal(request, target, _refusal, Right.GENERATE_PACKAGES)
    if isinstance(checked, Response):
        return checked
    principal, justification = checked
    port = request.app.state.port
    fetched = await run(request, packages.fetch, port, package_id, scope=principal.scope)
    if fetched is None:
        await _log(request, principal, target, [package_id], justification, outcome="refused: not found")
        return _refusal(404, f"no evidence package {package_id!r}, or its case is outside what you may see")
    if fetched.contacts_included and principal.contacts_withheld:
        reason = f"package {fetched.id} holds contact details: {principal.contacts_withheld}"
        await _log(request, principal, target, [fetched.id, fetched.case], justification, outcome=f"refused: {reason}")
        return _refusal(403, reason)
    try:
        content = fetched.file(file.value)
    except ValueError as broken:  # the stored zip no longer matches its own manifest: never serve it
        await _log(request, principal, target, [fetched.id], justification, outcome=f"refused: {broken}")
        return _refusal(500, f"evidence package {fetched.id} failed its integrity check: {broken}")
    await _log(request, principal, target, [fetched.id, *fetched.carries], justification,
               details=f"{file.value} of evidence package {fetched.id} version {fetched.version} "
                       f"(SHA-256 {fetched.sha256})")
    await run(request, packages.record_download, port, fetched.id, by=principal.user, file=file.value)
    headers = {**_HEADERS, "X-Package-SHA256": fetched.sha256,
               "Content-Disposition": f'attachment; filename="{_file_name(fetched, file)}"'}
    if file is PackageFile.HTML:
        headers["Content-Security-Policy"] = _HTML_POLICY
    return Response(content, media_type=_TYPES[file], headers=headers)


async def _log(request: Request, principal: Principal, target: str, node_ids: list[str], justification: str | None,
               *, outcome: str = "done", details: str = "") -> None:
    """Audit a download: a disclosure to the force for a force officer, a consultation for the hub's staff."""
    to_force = principal.role is Role.FORCE_OFFICER and outcome == "done"  # a refused download disclosed nothing
    event = AuditEvent.by(principal, Operation.DISCLOSURE if to_force else Operation.CONSULTATION, target,
                          node_ids=tuple(node_ids), justification=justification, outcome=outcome, details=details,
                          recipient=principal.force if to_force else None)
    await asyncio.wrap_future(request.app.state.audit.submit(event))


def _refusal(status: int, reason: str, headers: dict[str, str] | None = None) -> JSONResponse:
    return JSONResponse({"detail": reason}, status_code=status, headers={**_HEADERS, **(headers or {})})
