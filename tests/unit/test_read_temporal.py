"""Times read as text come back as the same Python values the driver's temporals would have given."""

from __future__ import annotations

from datetime import date, datetime, timedelta, timezone

import pytest

from graph.read.temporal import day, days, instant, instants

UTC = timezone.utc


@pytest.mark.parametrize(("text", "expected"), [
    ("2026-11-29T13:50:10Z", datetime(2026, 11, 29, 13, 50, 10, tzinfo=UTC)),
    ("2026-11-29T13:50:10.177Z", datetime(2026, 11, 29, 13, 50, 10, 177000, tzinfo=UTC)),
    ("2026-11-29T13:50:10.177123456Z", datetime(2026, 11, 29, 13, 50, 10, 177123, tzinfo=UTC)),  # to the microsecond
    ("2026-07-01T09:00:00+01:00", datetime(2026, 7, 1, 8, 0, tzinfo=UTC)),
    ("2026-07-01T09:00:00+01:00[Europe/London]", datetime(2026, 7, 1, 8, 0, tzinfo=UTC)),
])
def test_an_instant_keeps_its_moment(text: str, expected: datetime) -> None:
    parsed = instant(text)
    assert parsed == expected
    assert parsed.utcoffset() is not None


def test_an_instant_keeps_its_offset() -> None:
    assert instant("2026-07-01T09:00:00+01:00[Europe/London]").utcoffset() == timedelta(hours=1)


def test_missing_values_stay_missing() -> None:
    assert instant(None) is None and day(None) is None


def test_rows_are_converted_by_column() -> None:
    rows = [{"id": "a", "at": "2026-11-29T13:50:10Z", "by": "2026-05-04", "note": "2026-01-01"}]
    days(instants(rows, "at"), "by")
    assert rows == [{"id": "a", "at": datetime(2026, 11, 29, 13, 50, 10, tzinfo=UTC), "by": date(2026, 5, 4),
                     "note": "2026-01-01"}]
