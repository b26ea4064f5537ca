"""Bearer authentication and per-credential rate limits for REST and GraphQL."""

from __future__ import annotations

import asyncio
import time
from dataclasses import dataclass, field
from threading import Lock
from typing import Annotated

from fastapi import Depends, HTTPException, Request

from domain.access import Principal
from domain.tokens import InvalidToken
from graph.users import Authenticator

JUSTIFICATION_HEADER = "x-justification"
TOKEN_COOKIE = "hub_token"  # the workbench's sign-in: HttpOnly, SameSite=Strict
PURPOSE_COOKIE = "hub_purpose"  # the workbench's standing justification for the session


class RateLimited(Exception):
    """The credential has used its allowance; `retry_after` seconds until the next request is allowed."""

    def __init__(self, retry_after: float) -> None:
        super().__init__(f"rate limit exceeded: retry after {retry_after:.1f} s")
        self.retry_after = retry_after


@dataclass
class RateLimiter:
    """A token bucket per credential: `per_minute` requests a minute, bursts up to `burst`."""

    per_minute: float
    burst: float
    _buckets: dict[str, tuple[float, float]] = field(default_factory=dict, init=False)
    _lock: Lock = field(default_factory=Lock, init=False)

    @classmethod
    def share_of(cls, per_minute: int, burst: int, *, workers: int) -> "RateLimiter":
        """One worker's bucket when `workers` processes serve: its share of the limit, so that a credential
        never exceeds the limit in all, whichever workers its requests reach (a burst of at least one)."""
        return cls(per_minute / workers, max(1.0, burst / workers))

    def take(self, key: str) -> None:
        """Spend one request from the key's bucket, or raise RateLimited."""
        rate = self.per_minute / 60.0
        now = time.monotonic()
        with self._lock:
            tokens, last = self._buckets.get(key, (float(self.burst), now))
            tokens = min(float(self.burst), tokens + (now - last) * rate)
            if tokens < 1.0:
                self._buckets[key] = (tokens, now)
                raise RateLimited((1.0 - tokens) / rate)
            self._buckets[key] = (tokens - 1.0, now)


def _credential(request: Request) -> str:
    header = request.headers.get("authorization", "")
    if not header and request.cookies.get(TOKEN_COOKIE):
        return request.cookies[TOKEN_COOKIE]
    scheme, _, value = header.partition(" ")
    if scheme.lower() != "bearer" or not value.strip():
        raise InvalidToken("send a bearer token: Authorization: Bearer <token or API key>")
    return value.strip()


def justification_of(request: Request) -> str | None:
    """The request's justification: the X-Justification header, else the workbench session's purpose."""
    return request.headers.get(JUSTIFICATION_HEADER) or request.cookies.get(PURPOSE_COOKIE)


async def principal_of(request: Request) -> Principal:
    """Return the authenticated caller, spending one request of their rate limit.

    Raises InvalidToken (401) or RateLimited (429); the app turns both into responses.
    """
    cached = getattr(request.state, "principal", None)
    if cached is not None:
        return cached
    authenticator: Authenticator = request.app.state.authenticator
    credential = _credential(request)
    principal = await asyncio.to_thread(authenticator.authenticate, credential)
    request.app.state.rate_limiter.take(principal.credential or principal.user)
    request.state.principal = principal
    return principal


async def require_principal(request: Request) -> Principal:
    """FastAPI dependency: the caller, or 401/429 with the reason."""
    try:
        return await principal_of(request)
    except InvalidToken as failure:
        raise HTTPException(401, detail=str(failure), headers={"WWW-Authenticate": "Bearer"}) from None
    except RateLimited as limited:
        raise HTTPException(429, detail=str(limited), headers={"Retry-After": str(int(limited.retry_after) + 1)}) from None


PrincipalDep = Annotated[Principal, Depends(require_principal)]
