"""The filter inputs of the root lists, turned into the maps the list queries take."""

from __future__ import annotations

from datetime import datetime
from typing import Any

import strawberry


@strawberry.input(description="Cases to list; every field narrows the list, absent fields do not.")
class CaseFilter:
    force: str | None = strawberry.field(default=None, description="Owning or investigating force code.")
    status: str | None = None
    strand: str | None = strawberry.field(default=None, description="A strand one of its reports perceived.")
    platform: str | None = strawberry.field(default=None, description="A platform of its content or accounts.")
    from_: datetime | None = strawberry.field(default=None, name="from",
                                              description="One of its reports was received at or after this time.")
    to: datetime | None = strawberry.field(default=None, description="... at or before this time.")
    text: str | None = strawberry.field(default=None, description="Words in a report's description or its content.")
    classification: str | None = None
    priority: str | None = None


@strawberry.input(description="Reports to list; every field narrows the list, absent fields do not.")
class ReportFilter:
    force: str | None = strawberry.field(default=None, description="Owning or investigating force of its case.")
    strand: str | None = None
    platform: str | None = None
    from_: datetime | None = strawberry.field(default=None, name="from", description="Received at or after.")
    to: datetime | None = strawberry.field(default=None, description="Received at or before.")
    text: str | None = strawberry.field(default=None, description="Words in its description or its content.")


@strawberry.input(description="Accounts to list.")
class AccountFilter:
    platform: str | None = None
    text: str | None = strawberry.field(default=None, description="Words in the handle or display name.")


def as_map(given: Any) -> dict[str, Any]:
    """Return a filter input as the map its list query takes (`from_` becomes `from`)."""
    if given is None:
        return {}
    return {name.rstrip("_"): value for name, value in vars(given).items()}
