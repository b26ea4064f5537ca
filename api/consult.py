"""What every page and download that shows personal data does: check the caller, their right and purpose, log it.

Used by the network pages and the workbench (GraphQL has the same through its context and extension).
"""

from __future__ import annotations

import asyncio
from collections.abc import Callable, Iterable
from functools import partial
from typing import Any, TypeVar

from fastapi import Request
from fastapi.responses import Response

from api.auth import RateLimited, justification_of, principal_of
from domain.access import AccessDenied, Principal, Right, check_justification
from domain.tokens import InvalidToken
from graph.audit import AuditEvent, Operation

T = TypeVar("T")


async def caller(request: Request, right: Right = Right.READ_CASES) -> tuple[Principal, str | None]:
    """Return the authenticated caller and their justification, or raise.

    Raises InvalidToken (not signed in), RateLimited, AccessDenied (the role lacks the right) or
    JustificationMissing (a role handling personal data gave no purpose).
    """
    principal = await principal_of(request)
    principal.require(right)
    return principal, check_justification(principal, justification_of(request))


# refuse(status, reason, extra headers): the response a route gives when it turns a caller away
Refuse = Callable[..., Response]


async def caller_or_refusal(request: Request, target: str, refuse: Refuse,
                            right: Right = Right.READ_CASES) -> tuple[Principal, str | None] | Response:
    """Return the caller and their justification, or the response turning them away (401, 429, or 403 audited).

    For routes that answer with a page or a file rather than raise: `refuse` builds the response in their form.
    """
    try:
        return await caller(request, right)
    except InvalidToken as failure:
        return refuse(401, str(failure), {"WWW-Authenticate": "Bearer"})
    except RateLimited as limited:
        return refuse(429, str(limited), {"Retry-After": str(int(limited.retry_after) + 1)})
    except AccessDenied as refusal:
        await log_refusal(request, target, str(refusal))
        return refuse(403, str(refusal))


async def run(request: Request, work: Callable[..., T], /, *args: Any, **kwargs: Any) -> T:
    """Run blocking graph work in the API's thread pool."""
    loop = asyncio.get_running_loop()
    return await loop.run_in_executor(request.app.state.executor, partial(work, *args, **kwargs))


async def log_consultation(request: Request, principal: Principal, target: str, node_ids: Iterable[str],
                           justification: str | None, *, operation: Operation = Operation.CONSULTATION) -> None:
    """Write the audit entry for what this request showed, waiting until it is durable (before answering)."""
    event = AuditEvent.by(principal, operation, target, node_ids=tuple(i for i in node_ids if i),
                          justification=justification)
    await asyncio.wrap_future(request.app.state.audit.submit(event))


async def log_refusal(request: Request, target: str, reason: str) -> None:
    """Record a refused look when the caller is known (only their role or purpose was wanting)."""
    principal = getattr(request.state, "principal", None)
    if principal is None:
        return
    event = AuditEvent.by(principal, Operation.CONSULTATION, target, outcome=f"refused: {reason}")
    await asyncio.wrap_future(request.app.state.audit.submit(event))
