"""Schema extensions: the consultation audit entry of each request, and the error mask."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator
from contextlib import nullcontext

from graphql import GraphQLError
from strawberry.extensions import SchemaExtension
from strawberry.types import ExecutionResult

from domain.access import AccessDenied
from graph.audit import AuditEvent, Operation
from loaders.validation import ReportInvalid


class ShownError(Exception):
    """An error whose message is safe and useful to show the caller (bad input, a refused decision)."""


SHOWN = (AccessDenied, ShownError, ReportInvalid)


def should_mask(error: GraphQLError) -> bool:
    """Mask everything but validation errors (no original error) and permission or input errors."""
    original = error.original_error
    if original is None:
        return False
    return not isinstance(original, SHOWN)


class AuditConsultation(SchemaExtension):
    """After a query runs, logs one consultation naming every personal-data node returned, or the refusal.

    The entry is durable before the response leaves: if it cannot be written, the data is withheld.
    """

    async def on_execute(self) -> AsyncIterator[None]:  # type: ignore[override]
        context = self.execution_context.context
        audit = getattr(context, "audit", None)
        with audit.coming() if audit is not None else nullcontext():  # its entry is on the way
            yield
        if context is None or not hasattr(context, "principal"):
            return
        operation = self.execution_context.operation_type.value if self.execution_context.operation_type else "query"
        if operation != "query":  # mutations log their own alteration, combination or collection entries
            if not context.refusals:
                return
        if not (context.personal_data_read or context.consulted_ids or context.refusals):
            return
        name = self.execution_context.operation_name or "anonymous"
        outcome = "refused: " + "; ".join(sorted(set(context.refusals))) if context.refusals else "done"
        event = AuditEvent.by(
            context.principal, Operation.CONSULTATION, f"graphql {operation} {name}",
            node_ids=tuple(sorted(context.consulted_ids)), justification=context.justification, outcome=outcome,
        )
        try:
            await asyncio.wrap_future(context.audit.submit(event))  # no thread waits for the writer
        except Exception:  # whatever stopped the entry being written, the data is withheld
            self.execution_context.result = ExecutionResult(
                data=None, errors=[GraphQLError("the audit trail could not be written, so nothing is returned")]
            )
