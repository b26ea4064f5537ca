"""Times read as text: the driver takes about 50 microseconds of CPU to hydrate one DateTime or Date, which
dominated the API's hottest reads (a page of 20 cases carries 40 of them); the same value sent as
`toString(...)` and parsed here costs about one.

A query returns `toString(x.at) AS at`; its read function passes the rows through `instants` (or `days`)
naming those columns, and callers get the same Python values as if the driver had sent the temporal.
"""

from __future__ import annotations

from datetime import date, datetime

from graph.port import Row


def instant(text: str | None) -> datetime | None:
    """Parse Neo4j's text of a DateTime (`2026-11-29T13:50:10.177Z`, or with an offset and a zone name)."""
    if text is None:
        return None
    zone = text.find("[")  # a named zone after the offset: the offset already fixes the instant
    return datetime.fromisoformat(text if zone < 0 else text[:zone])


def day(text: str | None) -> date | None:
    """Parse Neo4j's text of a Date (`2026-05-04`)."""
    return None if text is None else date.fromisoformat(text)


def instants(rows: list[Row], *columns: str) -> list[Row]:
    """Turn the named columns of every row from DateTime text into datetimes, in place; return the rows."""
    for row in rows:
        for column in columns:
            row[column] = instant(row[column])
    return rows


def days(rows: list[Row], *columns: str) -> list[Row]:
    """Turn the named columns of every row from Date text into dates, in place; return the rows."""
    for row in rows:
        for column in columns:
            row[column] = day(row[column])
    return rows
