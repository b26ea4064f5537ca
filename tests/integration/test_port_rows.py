"""The port turns the driver's temporal values into Python ones wherever they sit in a row, and leaves the rest."""

from __future__ import annotations

from datetime import date, datetime, time, timedelta, timezone

from graph.port import GraphPort

PLUS_ONE = timezone(timedelta(hours=1))


def test_rows_hold_python_times_at_any_depth_and_other_values_unchanged(session_port: GraphPort) -> None:
    [row] = session_port.read("testing/value_kinds")
    span = row.pop("span")
    assert (span.days, span.seconds) == (1, 7200)  # a Cypher duration stays the driver's Duration
    assert row == {
        "text": "text", "whole": 7, "ratio": 0.5, "flag": True, "nothing": None,
        "at": datetime(2026, 11, 29, 10, 15, 30, 123456, tzinfo=PLUS_ONE), "day": date(2026, 11, 29),
        "local_at": datetime(2026, 11, 29, 10, 15, 30), "clock": time(10, 15, 30, tzinfo=timezone.utc),
        "mixed": [date(2026, 1, 1), 1, "x", None],
        "nested": {"when": datetime(2026, 1, 2, tzinfo=timezone.utc), "n": 2, "days": [date(2026, 1, 3)],
                   "inner": {"d": date(2026, 1, 4)}},
    }
    assert type(row["at"]) is datetime and type(row["day"]) is date and type(row["nested"]["days"][0]) is date
