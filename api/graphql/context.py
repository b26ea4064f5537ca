"""Per-request GraphQL context: the caller, their justification, the graph, the audit trail, the loaders.

Resolvers never build Cypher and never filter data themselves: they call graph functions with
`context.scope`, which the Cypher applies, and they say which personal-data nodes they returned
(`context.consulted`) so that one consultation entry per request names them all.
"""

from __future__ import annotations

import asyncio
from collections.abc import Callable, Iterable
from concurrent.futures import Executor
from functools import partial
from typing import Any, TypeVar

from strawberry.fastapi import BaseContext

from core.settings import Settings
from domain.access import AccessDenied, Principal, Right, check_justification
from graph.audit import AuditEvent, AuditTrail, Operation
from graph.port import GraphPort

T = TypeVar("T")


class Context(BaseContext):
    """Everything a resolver needs for one request."""

    def __init__(
        self, *, port: GraphPort, settings: Settings, principal: Principal, justification: str | None,
        audit: AuditTrail, executor: Executor | None = None, policies: Any = None,
    ) -> None:
        super().__init__()
        self.port = port
        self.settings = settings
        self.principal = principal
        self.raw_justification = justification
        self.audit = audit
        self.executor = executor
        self.policies = policies
        self.consulted_ids: set[str] = set()
        self.personal_data_read = False
        self.refusals: list[str] = []
        self.loaders: dict[str, Any] = {}

    # -- access ------------------------------------------------------------------------------------
    @property
    def scope(self) -> dict[str, Any]:
        """The `$scope` parameter for every read: the whole graph or one force's cases."""
        return self.principal.scope

    def require(self, right: Right) -> None:
        """Raise AccessDenied (shown to the caller, and logged) when the role lacks the right."""
        try:
            self.principal.require(right)
        except AccessDenied as refusal:
            self.refusals.append(str(refusal))
            raise

    def require_personal_data(self, right: Right = Right.READ_CASES, justification: str | None = None) -> str | None:
        """Check the right and the justification for touching personal data; return the justification."""
        self.require(right)
        try:
            text = check_justification(self.principal, justification or self.raw_justification)
        except AccessDenied as refusal:
            self.refusals.append(str(refusal))
            raise
        self.personal_data_read = True
        return text

    @property
    def justification(self) -> str | None:
        """The request's justification, cleaned (None when none was given)."""
        return " ".join((self.raw_justification or "").split()) or None

    def consulted(self, ids: Iterable[str | None]) -> None:
        """Note the ids of personal-data nodes returned to the caller, for the consultation entry."""
        self.consulted_ids.update(i for i in ids if i)

    # -- work --------------------------------------------------------------------------------------
    async def run(self, work: Callable[..., T], /, *args: Any, **kwargs: Any) -> T:
        """Run blocking graph work off the event loop (the driver is synchronous)."""
        loop = asyncio.get_running_loop()
        return await loop.run_in_executor(self.executor, partial(work, *args, **kwargs))

    async def log(self, operation: Operation, target: str, node_ids: Iterable[str], *,
                  justification: str | None = None, details: str = "", recipient: str | None = None) -> None:
        """Write an audit entry for a change or disclosure made by this request, waiting until it is durable."""
        event = AuditEvent.by(
            self.principal, operation, target, node_ids=tuple(node_ids),
            justification=justification or self.justification, details=details, recipient=recipient,
        )
        await asyncio.wrap_future(self.audit.submit(event))
