"""What every workbench page shares: the signed-in session, rendering, security headers and error pages."""

from __future__ import annotations

import ipaddress
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from urllib.parse import parse_qs, quote, urlencode

from fastapi import Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response
from fastapi.templating import Jinja2Templates

from api.auth import TOKEN_COOKIE, RateLimited
from api.consult import caller
from api.workbench import csrf
from domain.access import AccessDenied, JustificationMissing, Principal, Right
from domain.tokens import InvalidToken

API_DIR = Path(__file__).resolve().parent.parent
STATIC_DIR = API_DIR / "static"
templates = Jinja2Templates(directory=API_DIR / "templates")
templates.env.filters["quote_id"] = lambda value: quote(str(value), safe="")

SECURITY_HEADERS = {
    "Content-Security-Policy": ("default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self'; "
                                "frame-src 'self'; frame-ancestors 'none'; form-action 'self'; base-uri 'none'"),
    "X-Frame-Options": "DENY",
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "same-origin",
    "Cache-Control": "no-store",
}


class PageExit(Exception):
    """A page stops early with this response: a redirect to sign in, or an error page."""

    def __init__(self, response: Response) -> None:
        super().__init__(response.status_code)
        self.response = response


async def page_exit(request: Request, failure: Exception) -> Response:
    """The app's handler for PageExit: answer with the response the page chose."""
    assert isinstance(failure, PageExit)
    return failure.response


@dataclass(frozen=True)
class Session:
    """The signed-in caller of a page: who, why, and the CSRF token their forms carry."""

    principal: Principal
    justification: str | None
    csrf: str

    @property
    def contacts(self) -> bool:
        """Whether contact details may be shown to this caller."""
        return self.principal.contacts_withheld is None


def safe_next(target: str | None) -> str:
    """Return `target` when it is a workbench path on this site, else the queue (no open redirects)."""
    if target and target.startswith("/workbench") and not target.startswith("//") and "\\" not in target:
        return target
    return "/workbench/cases"


def sign_in_redirect(request: Request, message: str | None = None) -> RedirectResponse:
    """Return a redirect to the sign-in page that comes back to this page afterwards."""
    here = request.url.path + (f"?{request.url.query}" if request.url.query else "")
    query = {"next": safe_next(here)}
    if message:
        query["message"] = message
    return RedirectResponse(f"/workbench/sign-in?{urlencode(query)}", status_code=303)


async def signed_in(request: Request, right: Right = Right.READ_CASES) -> Session:
    """Return the page's caller, or exit to the sign-in page (not signed in, no purpose) or an error page."""
    try:
        principal, justification = await caller(request, right)
    except InvalidToken:
        raise PageExit(sign_in_redirect(request)) from None
    except JustificationMissing as missing:
        raise PageExit(sign_in_redirect(request, str(missing))) from None
    except AccessDenied as denied:
        raise PageExit(error_page(request, 403, "Not allowed", str(denied))) from None
    except RateLimited as limited:
        page = error_page(request, 429, "Too many requests", str(limited))
        page.headers["Retry-After"] = str(int(limited.retry_after) + 1)
        raise PageExit(page) from None
    token = request.cookies.get(TOKEN_COOKIE) or ""
    return Session(principal, justification, csrf.session_token(request.app.state.settings.jwt_secret, token))


async def form_of(request: Request) -> dict[str, list[str]]:
    """Return the fields of a posted form (application/x-www-form-urlencoded), each with its values."""
    if not request.headers.get("content-type", "").startswith("application/x-www-form-urlencoded"):
        raise PageExit(error_page(request, 415, "Not a form", "send the page's form (URL-encoded fields)"))
    body = (await request.body()).decode("utf-8", errors="replace")
    return parse_qs(body, keep_blank_values=True, max_num_fields=50)


def field(form: dict[str, list[str]], name: str) -> str:
    """Return the first value of a form field, stripped, or '' when absent."""
    return (form.get(name) or [""])[0].strip()


def check_csrf(request: Request, form: dict[str, list[str]]) -> None:
    """Exit with 403 unless the form carries this session's CSRF token."""
    token = request.cookies.get(TOKEN_COOKIE) or ""
    if not csrf.session_token_valid(request.app.state.settings.jwt_secret, token, field(form, csrf.FIELD)):
        raise PageExit(error_page(request, 403, "Form expired",
                                  "the form was not sent from this session's page: reload the page and try again"))


def render(request: Request, template: str, session: Session | None, *, status_code: int = 200,
           **context: Any) -> HTMLResponse:
    """Render a workbench template with the session in its context and the security headers set."""
    response = templates.TemplateResponse(request, f"workbench/{template}",
                                          {"session": session, **context}, status_code=status_code)
    response.headers.update(SECURITY_HEADERS)
    return response


def error_page(request: Request, status: int, title: str, message: str) -> HTMLResponse:
    """Return an error page in the workbench's layout, saying what went wrong and what to do."""
    return render(request, "error.html", None, status_code=status, title=title, message=message)


def not_found(request: Request, kind: str, node_id: str) -> PageExit:
    """Return the exit for a node that does not exist or that the caller may not see (the two look the same)."""
    return PageExit(error_page(request, 404, f"No such {kind}",
                               f"there is no {kind} {node_id!r}, or it is outside what you may see"))


def secure_cookies(request: Request) -> bool:
    """Whether the session cookies are marked Secure: always, except in development and test and over plain
    http to this machine (where a browser would not send a Secure cookie back)."""
    if request.app.state.settings.environment in ("development", "test"):
        return request.url.scheme == "https"
    if request.url.scheme == "http":
        host = request.url.hostname or ""
        try:
            return not (host == "localhost" or ipaddress.ip_address(host).is_loopback)
        except ValueError:
            return True
    return True
