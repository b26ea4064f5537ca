"""Signing in and out of the workbench: a pasted token or API key and a purpose become two cookies.

The token travels afterwards only in the `hub_token` cookie (HttpOnly, SameSite=Strict, Secure outside
development and test); the purpose in `hub_purpose` is the session's standing justification (DPA 2018 s62),
checked exactly as the X-Justification header is.
"""

from __future__ import annotations

import asyncio

from fastapi import APIRouter, Request
from fastapi.responses import RedirectResponse, Response

from api.auth import PURPOSE_COOKIE, TOKEN_COOKIE
from api.workbench import csrf
from api.workbench.pages import (
    check_csrf,
    field,
    form_of,
    render,
    safe_next,
    secure_cookies,
)
from domain.access import AccessDenied, JustificationMissing, Principal, Right, check_justification
from domain.tokens import InvalidToken

router = APIRouter(prefix="/workbench", include_in_schema=False)
SESSION_SECONDS = 8 * 3600  # a working day; the token's own expiry still applies


@router.get("")
@router.get("/")
async def home(request: Request) -> Response:
    """Send the workbench's root to the case queue (which sends a stranger to sign in)."""
    return RedirectResponse("/workbench/cases", status_code=303)


@router.get("/sign-in")
async def sign_in_form(request: Request, next: str | None = None, message: str | None = None) -> Response:
    """Show the sign-in form, with a fresh CSRF value in a cookie and in the form."""
    return _form(request, next=safe_next(next), message=message)


@router.post("/sign-in")
async def sign_in(request: Request) -> Response:
    """Check the token and purpose; on success set the session cookies and go on to the page asked for."""
    form = await form_of(request)
    target = safe_next(field(form, "next"))
    if not csrf.sign_in_token_valid(request.cookies.get(csrf.SIGN_IN_COOKIE), field(form, csrf.FIELD)):
        return _form(request, next=target, message="The form expired: sign in again.", status_code=400)
    token, purpose = field(form, "token"), " ".join(field(form, "purpose").split())
    if not token:
        return _form(request, next=target, purpose=purpose, status_code=400,
                     message="Paste your token or API key (hub access token, or the key from hub access key).")
    try:
        principal: Principal = await asyncio.to_thread(request.app.state.authenticator.authenticate, token)
        principal.require(Right.READ_CASES)
        check_justification(principal, purpose)
    except InvalidToken as refused:
        return _form(request, next=target, purpose=purpose, message=f"Not signed in: {refused}", status_code=401)
    except JustificationMissing as missing:
        return _form(request, next=target, purpose=purpose, message=f"Purpose: {missing}", status_code=400)
    except AccessDenied as denied:  # an auditor or intake channel: the workbench has nothing for it
        return _form(request, next=target, purpose=purpose, status_code=403,
                     message=f"The workbench shows cases: {denied}.")
    response = RedirectResponse(target, status_code=303)
    secure = secure_cookies(request)
    response.set_cookie(TOKEN_COOKIE, token, max_age=SESSION_SECONDS, path="/", httponly=True, samesite="strict",
                        secure=secure)
    response.set_cookie(PURPOSE_COOKIE, purpose, max_age=SESSION_SECONDS, path="/", httponly=True,
                        samesite="strict", secure=secure)
    response.delete_cookie(csrf.SIGN_IN_COOKIE, path="/workbench")
    return response


@router.post("/sign-out")
async def sign_out(request: Request) -> Response:
    """Clear the session cookies (the form carries the session's CSRF token) and show the sign-in page."""
    if request.cookies.get(TOKEN_COOKIE):
        check_csrf(request, await form_of(request))
    response = RedirectResponse("/workbench/sign-in?message=Signed+out.", status_code=303)
    for name in (TOKEN_COOKIE, PURPOSE_COOKIE):
        response.delete_cookie(name, path="/", httponly=True, samesite="strict", secure=secure_cookies(request))
    return response


def _form(request: Request, *, next: str, message: str | None = None, purpose: str = "",
          status_code: int = 200) -> Response:
    value = csrf.new_sign_in_token()
    response = render(request, "sign_in.html", None, status_code=status_code, next=next, message=message,
                      purpose=purpose, csrf_value=value)
    response.set_cookie(csrf.SIGN_IN_COOKIE, value, max_age=3600, path="/workbench", httponly=True,
                        samesite="strict", secure=secure_cookies(request))
    return response
