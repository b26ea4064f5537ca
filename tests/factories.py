"""Small factories for intake records: a valid report with only what a test cares about changed."""

from __future__ import annotations

import itertools
from datetime import datetime, timedelta, timezone
from typing import Any

_counter = itertools.count(1)
START = datetime(2026, 10, 1, tzinfo=timezone.utc)  # each report arrives a minute after the one before


def report(reference: str | None = None, **fields: Any) -> dict[str, Any]:
    """Return a valid intake record (public web form, a witness), with `fields` replacing the defaults.

    Records arrive in the order they are made: each one's received_at is a minute after the last one's.
    """
    number = next(_counter)
    record: dict[str, Any] = {
        "reference": reference or f"T-{number:06d}",
        "source": "public_web_form",
        "received_at": (START + timedelta(minutes=number)).isoformat(),
        "reporter": {"role": "witness", "name": f"Witness {number}", "email": f"witness{number}@example.org"},
        "description": f"Report number {number} about abusive material online.",
    }
    record.update(fields)
    return record


def post(url: str | None, *, handle: str = "@troll_one", text: str | None = None, kind: str = "post",
         platform: str = "X", posted_at: str | None = None) -> dict[str, Any]:
    """Return one content item for a report."""
    item: dict[str, Any] = {"platform": platform, "kind": kind, "author_handle": handle}
    if url:
        item["url"] = url
    if text:
        item["text"] = text
    if posted_at:
        item["posted_at"] = posted_at
    return item


def victim_reporter(name: str, email: str) -> dict[str, Any]:
    """Return a reporter who is the victim, with the victims list that says so."""
    return {"reporter": {"role": "victim", "name": name, "email": email}, "victims": [{"same_as_reporter": True}]}
