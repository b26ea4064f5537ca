"""Nodes by id, for many ids at once: each returns only the nodes the caller's scope may see."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from graph.port import GraphPort, Row
from graph.read.temporal import days, instants


def cases_by_id(port: GraphPort, *, ids: Sequence[str], scope: dict[str, Any]) -> list[Row]:
    """Return the visible cases among `ids` with their assessment and jurisdiction summary."""
    return days(instants(port.read("api/cases_by_id", ids=list(ids), scope=scope), "created_at"), "charge_by")


def case_details(port: GraphPort, *, ids: Sequence[str], scope: dict[str, Any]) -> list[Row]:
    """Return the full assessment and jurisdiction (history, shares, notices) of the visible cases among `ids`."""
    return port.read("api/case_details", ids=list(ids), scope=scope)


def reports_by_id(port: GraphPort, *, ids: Sequence[str], scope: dict[str, Any]) -> list[Row]:
    """Return the visible reports among `ids`, each with its case id and the platforms it touches."""
    return instants(port.read("api/reports_by_id", ids=list(ids), scope=scope),
                    "received_at", "occurred_from", "occurred_to")


def people_by_id(port: GraphPort, *, ids: Sequence[str], scope: dict[str, Any], contacts: bool) -> list[Row]:
    """Return the visible people among `ids`; e-mail, phone and postcode only when `contacts` is allowed."""
    return port.read("api/people_by_id", ids=list(ids), scope=scope, contacts=contacts)


def accounts_by_id(port: GraphPort, *, ids: Sequence[str], scope: dict[str, Any]) -> list[Row]:
    """Return the visible accounts among `ids` with role scores and offender standing."""
    return port.read("api/accounts_by_id", ids=list(ids), scope=scope)


def items_by_id(port: GraphPort, *, ids: Sequence[str], scope: dict[str, Any]) -> list[Row]:
    """Return the visible content items among `ids` (their keys)."""
    return port.read("api/items_by_id", ids=list(ids), scope=scope)


def campaigns_by_id(port: GraphPort, *, ids: Sequence[str], scope: dict[str, Any]) -> list[Row]:
    """Return the visible campaigns among `ids`, their counts confined to what the caller may see."""
    return port.read("api/campaigns_by_id", ids=list(ids), scope=scope)


def platforms(port: GraphPort, *, ids: Sequence[str] | None = None) -> list[Row]:
    """Return every platform, or those in `ids`: reference data, the same for every reading role."""
    return port.read("api/platforms", ids=None if ids is None else list(ids))


def forces(port: GraphPort, *, ids: Sequence[str] | None = None) -> list[Row]:
    """Return every police force area, or those whose code is in `ids`: reference data."""
    return port.read("api/forces", ids=None if ids is None else list(ids))
