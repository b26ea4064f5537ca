"""Relay-style connections: opaque cursors over keyset pages, `first` at most 100."""

from __future__ import annotations

import base64
import binascii
import json
from datetime import datetime
from typing import Any, Generic, TypeVar

import strawberry

from api.graphql.extensions import ShownError

MAX_FIRST = 100
DEFAULT_FIRST = 20
T = TypeVar("T")


@strawberry.type
class PageInfo:
    """Whether there is a page after this one, and the cursor to ask for it with `after`."""

    has_next_page: bool
    end_cursor: str | None


@strawberry.type
class Edge(Generic[T]):
    """One node of a page and its cursor."""

    cursor: str
    node: T


@strawberry.type
class Connection(Generic[T]):
    """One page of a list: its edges and where the next page starts."""

    edges: list[Edge[T]]
    page_info: PageInfo


def encode_cursor(sort: Any, node_id: str) -> str:
    """Return the opaque cursor of a row: its sort value and id, base64url-encoded JSON."""
    value = {"at": sort.isoformat()} if isinstance(sort, datetime) else sort
    raw = json.dumps([value, node_id], separators=(",", ":")).encode()
    return base64.urlsafe_b64encode(raw).decode().rstrip("=")


def decode_cursor(cursor: str | None) -> dict[str, Any] | None:
    """Return {"sort", "id"} of the row a cursor names, None for no cursor; ShownError for one not issued here."""
    if cursor is None:
        return None
    try:
        raw = base64.urlsafe_b64decode(cursor + "=" * (-len(cursor) % 4))
        sort, node_id = json.loads(raw)
        if isinstance(sort, dict):
            sort = datetime.fromisoformat(sort["at"])
        if not isinstance(node_id, str):
            raise ValueError(node_id)
    except (binascii.Error, ValueError, TypeError, KeyError, UnicodeDecodeError):
        raise ShownError(f"after: {cursor!r} is not a cursor this API issued; use a pageInfo.endCursor") from None
    return {"sort": sort, "id": node_id}


def page_size(first: int | None) -> int:
    """Return the page size asked for, refusing one outside 1..100."""
    size = DEFAULT_FIRST if first is None else first
    if not 1 <= size <= MAX_FIRST:
        raise ShownError(f"first must be between 1 and {MAX_FIRST}, not {size}")
    return size


def connection(rows: list[dict[str, Any]], nodes: list[Any], size: int) -> Connection[Any]:
    """Build a page from the rows fetched (one more than `size` when there is a next page) and their nodes.

    A row whose node did not load (it changed scope between the two reads) is left out, never shown as null.
    """
    edges = [Edge(cursor=encode_cursor(row["sort"], row["id"]), node=node)
             for row, node in zip(rows[:size], nodes[:size]) if node is not None]
    end = encode_cursor(rows[size - 1]["sort"], rows[size - 1]["id"]) if len(rows) >= size else (
        edges[-1].cursor if edges else None)
    return Connection(edges=edges, page_info=PageInfo(has_next_page=len(rows) > size, end_cursor=end))
