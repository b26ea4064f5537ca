"""GET /networks/{kind}/{id}: the network page of an account, person, victim, case or campaign, as HTML.

Under the API's access rules: signed in (401), a role that reads cases with a justification (403, with the
reason), the centre within the caller's scope (404, exactly as for a node that does not exist), and a
consultation audit entry naming every node shown, written before the page is answered.
"""

from __future__ import annotations

from enum import StrEnum
from html import escape
from typing import Annotated

from fastapi import APIRouter, Query, Request
from fastapi.responses import HTMLResponse, Response

from api.consult import caller_or_refusal, log_consultation, run
from visualisations.network_pages import MAX_DEPTH, network_page

# The page inlines everything it needs; the browser itself refuses anything from elsewhere.
CONTENT_SECURITY_POLICY = "default-src 'self' 'unsafe-inline'; img-src 'self' data:"
_HEADERS = {"Content-Security-Policy": CONTENT_SECURITY_POLICY, "Cache-Control": "no-store",
            "X-Content-Type-Options": "nosniff", "Referrer-Policy": "no-referrer"}

router = APIRouter(prefix="/networks", tags=["networks"])


class Kind(StrEnum):
    """What a network page can be centred on."""

    ACCOUNT = "account"
    PERSON = "person"
    VICTIM = "victim"
    CASE = "case"
    CAMPAIGN = "campaign"


@router.get(
    "/{kind}/{node_id:path}",
    response_class=HTMLResponse,
    summary="The network around an account, person, victim, case or campaign, as one offline HTML page",
    description=(
        "The nodes `depth` hops out (1-3) that the caller may see, drawn with vis-network inlined (the page "
        "fetches nothing). Past 150 nodes only the most connected part around the centre is drawn, with a notice "
        "saying how much was cut. Contact details appear only for roles that may read them."
    ),
    responses={
        200: {"description": "the page", "content": {"text/html": {}}},
        401: {"description": "not signed in"},
        403: {"description": "the role may not read cases, or gave no justification"},
        404: {"description": "no such node, or one the caller may not see (the two answer alike)"},
        429: {"description": "the caller's rate limit is spent"},
    },
)
async def network(request: Request, kind: Kind, node_id: str,
                  depth: Annotated[int, Query(ge=1, le=MAX_DEPTH, description="hops out from the centre")] = 2,
                  ) -> HTMLResponse:
    target = f"GET /networks/{kind.value}/{node_id}?depth={depth}"
    checked = await caller_or_refusal(request, target, _refusal)
    if isinstance(checked, Response):
        return checked
    principal, justification = checked
    page = await run(request, network_page, request.app.state.port, kind=kind.value, node_id=node_id, depth=depth,
                     principal=principal)
    await log_consultation(request, principal, target, page.node_ids if page else (), justification)
    if page is None:
        return _refusal(404, f"no {kind.value} {node_id!r}")
    return HTMLResponse(page.html, headers=_HEADERS)


def _refusal(status: int, reason: str, headers: dict[str, str] | None = None) -> HTMLResponse:
    """A short HTML page saying why, for the page's frame or tab."""
    body = (f"<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>{status}</title></head>"
            f"<body><p>{escape(reason)}</p></body></html>")
    return HTMLResponse(body, status_code=status, headers={**_HEADERS, **(headers or {})})
