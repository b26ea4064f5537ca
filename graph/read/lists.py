"""Pages of filtered lists: each returns at most `limit` rows of `id` and `sort` after the row `after`.

`after` is {"sort": ..., "id": ...} of the last row of the page before (keyset paging, stable while rows
are added); filters are maps whose absent keys are None. The caller fetches the nodes by id.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime
from typing import Any

from graph.port import GraphPort, Row
from graph.read.temporal import instants
from graph.read.text import contains_text, lucene_query
from loaders.normalise import normalise_platform

CASE_FILTERS = ("force", "status", "strand", "platform", "from", "to", "text", "classification", "priority")
REPORT_FILTERS = ("force", "strand", "platform", "from", "to", "text")
ACCOUNT_FILTERS = ("platform", "text")


def _filter(given: dict[str, Any], keys: Sequence[str]) -> dict[str, Any]:
    unknown = set(given) - set(keys)
    if unknown:
        raise ValueError(f"unknown filters {sorted(unknown)}; known: {list(keys)}")
    cleaned: dict[str, Any] = {key: given.get(key) for key in keys}
    if cleaned.get("platform"):
        cleaned["platform"] = normalise_platform(cleaned["platform"])
    for key in ("from", "to"):
        if isinstance(cleaned.get(key), datetime) and cleaned[key].tzinfo is None:
            raise ValueError(f"filter {key!r} needs a time zone, e.g. 2026-10-01T00:00:00Z")
    return cleaned


def cases(port: GraphPort, *, scope: dict[str, Any], filters: dict[str, Any], after: Row | None,
          limit: int) -> list[Row]:
    """Return one page of the visible cases matching `filters`, newest first.

    A force's queue with no other filter, asked by a caller who sees all of that force's cases, is read in
    index order (`api/force_case_page`): a page costs a page, not the force's whole history.
    """
    given = _filter(filters, CASE_FILTERS)
    force = given["force"] or (None if scope["all"] else scope["force"])
    only_force = not any(given[key] for key in CASE_FILTERS if key != "force")
    if force and only_force and (scope["all"] or force == scope["force"]):
        rows = port.read("api/force_case_page", scope=scope, force=force, shared=given["force"] is None,
                         after=after, limit=limit)
    else:
        given["text"] = lucene_query(given["text"])
        rows = port.read("api/cases", scope=scope, filter=given, after=after, limit=limit)
    return instants(rows, "sort")


def force_cases(port: GraphPort, *, forces: Sequence[str], scope: dict[str, Any], after: Row | None,
                limit: int) -> list[Row]:
    """Return, for each force code, one page of the visible cases it owns or investigates (rows keyed by force)."""
    return port.read("api/force_cases", forces=list(forces), scope=scope, after=after, limit=limit)


def reports(port: GraphPort, *, scope: dict[str, Any], filters: dict[str, Any], after: Row | None,
            limit: int) -> list[Row]:
    """Return one page of the visible reports matching `filters`, newest first."""
    given = _filter(filters, REPORT_FILTERS)
    given["text"] = lucene_query(given["text"])
    return port.read("api/reports", scope=scope, filter=given, after=after, limit=limit)


def accounts(port: GraphPort, *, scope: dict[str, Any], filters: dict[str, Any], after: Row | None,
             limit: int) -> list[Row]:
    """Return one page of the visible accounts matching `filters` (platform; words in the handle), by id."""
    given = _filter(filters, ACCOUNT_FILTERS)
    given["text"] = contains_text(given["text"])
    return port.read("api/accounts", scope=scope, filter=given, after=after, limit=limit)


def repeat_offenders(port: GraphPort, *, scope: dict[str, Any], after: Row | None, limit: int) -> list[Row]:
    """Return one page of the visible ranked accounts, best-ranked first."""
    return port.read("api/repeat_offenders", scope=scope, after=after, limit=limit)


def campaigns(port: GraphPort, *, scope: dict[str, Any], after: Row | None, limit: int) -> list[Row]:
    """Return one page of the visible campaigns, latest first."""
    return port.read("api/campaigns", scope=scope, after=after, limit=limit)
