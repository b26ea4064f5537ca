"""Cross-site request forgery tokens for the workbench's forms.

Signed-in forms carry an HMAC of the session token (nothing to store: the server recomputes it); the sign-in
form, before there is a session, carries a random value that must equal its cookie (double submit). Both are
compared in constant time. The cookies are SameSite=Strict too, so this is the second line, not the only one.
"""

from __future__ import annotations

import hashlib
import hmac
import secrets

FIELD = "csrf"
SIGN_IN_COOKIE = "hub_signin_csrf"


def session_token(secret: str, session: str) -> str:
    """Return the CSRF token of a signed-in session: HMAC-SHA256 of its token under the server's secret."""
    return hmac.new(secret.encode(), b"workbench-csrf:" + session.encode(), hashlib.sha256).hexdigest()


def session_token_valid(secret: str, session: str, given: str | None) -> bool:
    """Return whether a form's token is the one this session's pages were given."""
    return bool(session and given) and hmac.compare_digest(session_token(secret, session), given or "")


def new_sign_in_token() -> str:
    """Return a fresh random value for the sign-in form and its cookie."""
    return secrets.token_urlsafe(32)


def sign_in_token_valid(cookie: str | None, given: str | None) -> bool:
    """Return whether the sign-in form's value equals its cookie (and both are present)."""
    return bool(cookie and given) and hmac.compare_digest(cookie or "", given or "")
