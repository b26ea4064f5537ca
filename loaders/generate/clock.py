"""Times in the generated year: epoch seconds inside, ISO 8601 strings with UK zone offsets outside."""

from __future__ import annotations

from datetime import date, datetime, timedelta, timezone
from functools import lru_cache

WINDOW_END = int(datetime(2026, 11, 1, tzinfo=timezone.utc).timestamp())
WINDOW_START = int(datetime(2025, 11, 1, tzinfo=timezone.utc).timestamp())
MINUTE, HOUR, DAY = 60, 3600, 86400

_GMT = timezone.utc
_BST = timezone(timedelta(hours=1))


@lru_cache(maxsize=None)
def _summer_time(year: int) -> tuple[int, int]:
    """Return the UTC epoch seconds when British Summer Time starts and ends in a year."""

    def last_sunday(month: int) -> date:
        day = date(year, month, 31)
        return day - timedelta(days=(day.weekday() + 1) % 7)

    start = datetime.combine(last_sunday(3), datetime.min.time(), _GMT) + timedelta(hours=1)
    end = datetime.combine(last_sunday(10), datetime.min.time(), _GMT) + timedelta(hours=1)
    return int(start.timestamp()), int(end.timestamp())


def uk_time(epoch: int) -> str:
    """Return the instant as UK local time with its offset, "+00:00" in winter and "+01:00" in summer."""
    moment = datetime.fromtimestamp(epoch, _GMT)
    start, end = _summer_time(moment.year)
    if start <= epoch < end:
        moment = moment.astimezone(_BST)
    return moment.isoformat()


def utc_time(epoch: int) -> str:
    """Return the instant in UTC written with a "Z", as platforms send it."""
    return datetime.fromtimestamp(epoch, _GMT).isoformat().replace("+00:00", "Z")


def day_start(epoch: int) -> str:
    """Return UK midnight of the instant's day, as reporters give "since 1 September"."""
    local = uk_time(epoch)
    return f"{local[:10]}T00:00:00{local[19:]}"


def iso_date(year: int, month: int, day: int) -> str:
    """Return a calendar date as YYYY-MM-DD."""
    return f"{year:04d}-{month:02d}-{day:02d}"
