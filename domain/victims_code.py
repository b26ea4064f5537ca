"""Victims' Code clocks for complainant updates: working days, bank holidays and who has enhanced rights.

Pure: the bank holidays and the policy (policies/victims_code.yaml) are passed in; `load_victims_code_policy`
reads the policy file through `domain.policy_files`, the only I/O of the policy code.

The clock, precisely:
- Time is counted in UK time (Europe/London), whatever zone the event was recorded in.
- A working day is Monday to Friday and not an England and Wales bank holiday.
- The day of the event never counts, whatever the hour: the first working day is the first working day after
  the event's UK date. An update with N working days is due by the end of the Nth such day, 23:59:59 UK time.
  So an event on Friday at 17:00 with 1 working day is due by the end of Monday (of Tuesday when Monday is a
  bank holiday); an event on Saturday with 1 working day is due by the end of Monday too.
- An update is overdue once the moment it was due by has passed (`now > due_by`).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta, timezone
from pathlib import Path
from typing import Annotated, Literal
from zoneinfo import ZoneInfo

from pydantic import BaseModel, ConfigDict, Field, model_validator

from .policy_files import read_policy_file, validate_policy

UK = ZoneInfo("Europe/London")
END_OF_DAY = time(23, 59, 59)
PRIORITIES = ("P1", "P2", "P3", "P4")
Text = Annotated[str, Field(min_length=1)]


@dataclass(frozen=True)
class BankHolidays:
    """The bank holidays of England and Wales for the years `first_year`..`last_year` (inclusive)."""

    dates: frozenset[date]
    first_year: int
    last_year: int

    def covers(self, day: date) -> bool:
        """Return whether the table covers this day's year (a day outside it cannot be counted)."""
        return self.first_year <= day.year <= self.last_year


def bank_holidays_from_rows(rows: Iterable[Mapping[str, str]], *, source: str = "bank holidays") -> BankHolidays:
    """Return the bank holidays from `date,name` rows; ValueError naming the row and field of any fault."""
    dates: set[date] = set()
    for number, row in enumerate(rows, start=2):  # row 1 is the header
        text = (row.get("date") or "").strip()
        if not re.fullmatch(r"\d{4}-\d{2}-\d{2}", text):
            raise ValueError(f"{source} row {number}: date {text!r} is not YYYY-MM-DD")
        if not (row.get("name") or "").strip():
            raise ValueError(f"{source} row {number}: name is empty")
        day = date.fromisoformat(text)
        if day in dates:
            raise ValueError(f"{source} row {number}: {text} is listed twice")
        dates.add(day)
    if not dates:
        raise ValueError(f"{source}: no bank holidays listed")
    return BankHolidays(frozenset(dates), min(dates).year, max(dates).year)


def is_working_day(day: date, holidays: BankHolidays) -> bool:
    """Return whether `day` is Monday to Friday and not a bank holiday; ValueError outside the table's years."""
    if not holidays.covers(day):
        raise ValueError(f"{day.isoformat()} is outside the bank holiday table "
                         f"({holidays.first_year}-{holidays.last_year}): add that year to count working days")
    return day.weekday() < 5 and day not in holidays.dates


def nth_working_day_after(day: date, n: int, holidays: BankHolidays) -> date:
    """Return the nth working day after `day` (the day itself never counts)."""
    if n < 1:
        raise ValueError(f"a period of {n} working days cannot be counted: give 1 or more")
    counted = 0
    while counted < n:
        day += timedelta(days=1)
        if is_working_day(day, holidays):
            counted += 1
    return day


# -- the policy ----------------------------------------------------------------------------------------------
class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True, str_strip_whitespace=True)


class EnhancedRights(_Strict):
    """Who is entitled to enhanced rights (the shorter period): each test that makes a victim so."""

    vulnerable_victim: bool
    under_18_victim: bool
    repeat_victim: bool
    priorities: tuple[Literal["P1", "P2", "P3", "P4"], ...] = ()
    indicators: tuple[Annotated[str, Field(pattern=r"^[a-z][a-z0-9_]*$")], ...] = ()


class VictimsCodePolicy(_Strict):
    """The Victims' Code periods for updates (working days) and the tests for enhanced rights."""

    version: Text
    source: Text
    explain: Text
    standard_working_days: int = Field(ge=1, le=30)
    enhanced_working_days: int = Field(ge=1, le=30)
    enhanced: EnhancedRights

    @model_validator(mode="after")
    def _shorter_when_enhanced(self) -> VictimsCodePolicy:
        if self.enhanced_working_days > self.standard_working_days:
            raise ValueError(f"enhanced_working_days ({self.enhanced_working_days}) must not be longer than "
                             f"standard_working_days ({self.standard_working_days})")
        return self

    def working_days(self, enhanced: bool) -> int:
        """Return the period, in working days, for a victim with or without enhanced rights."""
        return self.enhanced_working_days if enhanced else self.standard_working_days


def load_victims_code_policy(path: str | Path) -> VictimsCodePolicy:
    """Return the validated policy; raises PolicyError naming the file, YAML path and reason."""
    return validate_policy(VictimsCodePolicy, read_policy_file(path), source=str(path))


@dataclass(frozen=True)
class VictimFacts:
    """What the enhanced-rights tests read about a report's victims and its case."""

    vulnerable: bool = False
    under_18: bool = False
    repeat_victim: bool = False
    priority: str | None = None
    indicators: frozenset[str] = frozenset()


def enhanced_reason(facts: VictimFacts, policy: VictimsCodePolicy) -> str | None:
    """Return why the complainant's victim has enhanced rights, in words, or None when they do not."""
    rules = policy.enhanced
    reasons = []
    if rules.vulnerable_victim and facts.vulnerable:
        reasons.append("a victim is vulnerable or intimidated")
    if rules.under_18_victim and facts.under_18:
        reasons.append("a victim is under 18")
    if rules.repeat_victim and facts.repeat_victim:
        reasons.append("a victim is persistently targeted (a repeat victim)")
    if facts.priority and facts.priority in rules.priorities:
        reasons.append(f"the case is priority {facts.priority} (the most serious crime)")
    shown = sorted(facts.indicators & set(rules.indicators))
    if shown:
        reasons.append("the report says " + ", ".join(name.replace("_", " ") for name in shown))
    return "; ".join(reasons) or None


def due_by(event_at: datetime, *, enhanced: bool, holidays: BankHolidays, policy: VictimsCodePolicy) -> datetime:
    """Return when the update about an event is due: the end (23:59:59 UK time) of the Nth working day after it.

    N is the policy's enhanced or standard period. The answer is in UTC.
    """
    if event_at.tzinfo is None:
        raise ValueError(f"event time {event_at.isoformat()} has no time zone")
    local_day = event_at.astimezone(UK).date()
    last_day = nth_working_day_after(local_day, policy.working_days(enhanced), holidays)
    return datetime.combine(last_day, END_OF_DAY, tzinfo=UK).astimezone(timezone.utc)


def is_overdue(due: datetime, now: datetime) -> bool:
    """Return whether an update due by `due` is overdue at `now`: the moment it was due by has passed."""
    return now > due
