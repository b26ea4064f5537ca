"""Victims' Code clocks: working days across weekends and bank holidays, enhanced rights, the policy file."""

from __future__ import annotations

import csv
from datetime import date, datetime, timedelta, timezone
from pathlib import Path

import pytest

from domain.policy_files import PolicyError
from domain.victims_code import (
    UK, BankHolidays, VictimFacts, bank_holidays_from_rows, due_by, enhanced_reason, is_overdue,
    load_victims_code_policy,
)

ROOT = Path(__file__).resolve().parents[2]
HOLIDAYS_FILE = ROOT / "reference" / "bank_holidays_england_wales.csv"
POLICY = load_victims_code_policy(ROOT / "policies" / "victims_code.yaml")


def _rows() -> list[dict[str, str]]:
    with HOLIDAYS_FILE.open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


HOLIDAYS = bank_holidays_from_rows(_rows())


# -- an independent computation of the bank holidays ------------------------------------------------------
def _easter(year: int) -> date:
    """Easter Sunday by the anonymous Gregorian algorithm (Meeus/Jones/Butcher)."""
    a, b, c = year % 19, year // 100, year % 100
    d, e = divmod(b, 4)
    g = (8 * b + 13) // 25
    h = (19 * a + b - d - g + 15) % 30
    i, k = divmod(c, 4)
    l = (2 * e + 2 * i - h - k + 32) % 7  # noqa: E741 - the algorithm's own name
    m = (a + 11 * h + 19 * l) // 433
    month = (h + l - 7 * m + 90) // 25
    return date(year, month, (h + l - 7 * m + 33 * month + 19) % 32)


def _monday_on_or_after(day: date) -> date:
    return day + timedelta(days=(7 - day.weekday()) % 7)


def _last_monday(year: int, month: int) -> date:
    last = date(year + (month == 12), month % 12 + 1, 1) - timedelta(days=1)
    return last - timedelta(days=last.weekday())


def _expected(year: int) -> set[date]:
    easter = _easter(year)
    days = {easter - timedelta(days=2), easter + timedelta(days=1), _last_monday(year, 8)}
    new_year = date(year, 1, 1)
    days.add(_monday_on_or_after(new_year) if new_year.weekday() >= 5 else new_year)
    christmas, boxing = date(year, 12, 25), date(year, 12, 26)
    taken: set[date] = set()
    for day in (christmas, boxing):
        substitute = day
        while substitute.weekday() >= 5 or substitute in taken:
            substitute += timedelta(days=1)
        taken.add(substitute)
    days |= taken
    days.add(date(2020, 5, 8) if year == 2020 else _monday_on_or_after(date(year, 5, 1)))
    days.add(date(2022, 6, 2) if year == 2022 else _last_monday(year, 5))
    one_offs = {2022: {date(2022, 6, 3), date(2022, 9, 19)}, 2023: {date(2023, 5, 8)}}
    return days | one_offs.get(year, set())


def test_the_bank_holiday_file_matches_an_independent_computation() -> None:
    assert (HOLIDAYS.first_year, HOLIDAYS.last_year) == (2020, 2030)
    for year in range(2020, 2031):
        listed = {day for day in HOLIDAYS.dates if day.year == year}
        assert listed == _expected(year), year
    assert _easter(2024) == date(2024, 3, 31) and _easter(2025) == date(2025, 4, 20)


def test_the_one_off_holidays_and_substitutes_are_listed() -> None:
    for day in ("2020-05-08", "2022-06-02", "2022-06-03", "2022-09-19", "2023-05-08", "2021-12-27", "2021-12-28",
                "2022-01-03", "2027-12-28"):
        assert date.fromisoformat(day) in HOLIDAYS.dates, day
    assert date(2020, 5, 4) not in HOLIDAYS.dates  # the early May holiday moved to VE day
    assert date(2022, 5, 30) not in HOLIDAYS.dates  # the spring holiday moved to the jubilee


def _uk(text: str) -> datetime:
    return datetime.fromisoformat(text).replace(tzinfo=UK)


def _due(text: str, *, enhanced: bool = False) -> str:
    result = due_by(_uk(text), enhanced=enhanced, holidays=HOLIDAYS, policy=POLICY)
    assert result.tzinfo is not None
    return result.astimezone(UK).strftime("%a %Y-%m-%d %H:%M:%S")


@pytest.mark.parametrize(("event", "enhanced", "due"), [
    ("2026-11-13 17:00", True, "Mon 2026-11-16 23:59:59"),   # Friday evening, 1 day: end of Monday
    ("2026-11-14 10:00", True, "Mon 2026-11-16 23:59:59"),   # Saturday: Monday
    ("2026-11-16 00:01", True, "Tue 2026-11-17 23:59:59"),   # the event's own day never counts
    ("2026-11-16 09:00", False, "Mon 2026-11-23 23:59:59"),  # 5 days over one weekend
    ("2026-11-13 17:00", False, "Fri 2026-11-20 23:59:59"),
    ("2026-12-23 12:00", False, "Mon 2027-01-04 23:59:59"),  # Christmas (Fri), Boxing Day moved to Mon 28, New Year (Fri)
    ("2026-12-24 12:00", True, "Tue 2026-12-29 23:59:59"),
    ("2026-12-31 16:00", True, "Mon 2027-01-04 23:59:59"),   # New Year's Day (Fri) then the weekend
    ("2027-12-24 09:00", True, "Wed 2027-12-29 23:59:59"),   # Christmas at a weekend: Mon 27 and Tue 28 off
    ("2026-04-02 15:00", True, "Tue 2026-04-07 23:59:59"),   # Good Friday and Easter Monday
    ("2026-04-02 15:00", False, "Mon 2026-04-13 23:59:59"),
    ("2022-09-16 11:00", True, "Tue 2022-09-20 23:59:59"),   # the Queen's state funeral, Monday 19 September 2022
    ("2022-06-01 11:00", True, "Mon 2022-06-06 23:59:59"),   # the jubilee Thursday and Friday
    ("2026-03-27 12:00", True, "Mon 2026-03-30 23:59:59"),   # clocks go forward: still the end of the UK day
])
def test_due_by_counts_working_days_after_the_event(event: str, enhanced: bool, due: str) -> None:
    assert _due(event, enhanced=enhanced) == due


def test_an_event_recorded_in_utc_is_counted_on_its_uk_date() -> None:
    # 23:30 UTC on Friday 3 July 2026 is 00:30 on Saturday in London: one working day ends on Monday.
    event = datetime(2026, 7, 3, 23, 30, tzinfo=timezone.utc)
    due = due_by(event, enhanced=True, holidays=HOLIDAYS, policy=POLICY)
    assert due == datetime(2026, 7, 6, 22, 59, 59, tzinfo=timezone.utc)


def test_overdue_only_once_the_moment_has_passed() -> None:
    due = due_by(_uk("2026-11-13 17:00"), enhanced=True, holidays=HOLIDAYS, policy=POLICY)
    assert not is_overdue(due, due - timedelta(microseconds=1))
    assert not is_overdue(due, due)
    assert is_overdue(due, due + timedelta(seconds=1))


def test_a_day_outside_the_table_is_refused_with_the_years_it_covers() -> None:
    with pytest.raises(ValueError, match=r"outside the bank holiday table \(2020-2030\)"):
        due_by(_uk("2030-12-30 12:00"), enhanced=False, holidays=HOLIDAYS, policy=POLICY)
    with pytest.raises(ValueError, match="no time zone"):
        due_by(datetime(2026, 1, 5), enhanced=False, holidays=HOLIDAYS, policy=POLICY)


def test_a_bad_holiday_row_is_named() -> None:
    with pytest.raises(ValueError, match="row 3: date '2026-13' is not YYYY-MM-DD"):
        bank_holidays_from_rows([{"date": "2026-01-01", "name": "New Year"}, {"date": "2026-13", "name": "x"}])
    with pytest.raises(ValueError, match="row 3: 2026-01-01 is listed twice"):
        bank_holidays_from_rows([{"date": "2026-01-01", "name": "a"}, {"date": "2026-01-01", "name": "b"}])
    assert BankHolidays(frozenset(), 2026, 2026).covers(date(2026, 5, 1))


def test_who_has_enhanced_rights() -> None:
    assert enhanced_reason(VictimFacts(), POLICY) is None
    assert enhanced_reason(VictimFacts(priority="P2", indicators=frozenset({"threat_of_violence"})), POLICY) is None
    assert "vulnerable" in enhanced_reason(VictimFacts(vulnerable=True), POLICY)
    assert "under 18" in enhanced_reason(VictimFacts(under_18=True), POLICY)
    assert "repeat victim" in enhanced_reason(VictimFacts(repeat_victim=True), POLICY)
    assert "priority P1" in enhanced_reason(VictimFacts(priority="P1"), POLICY)
    assert "threat to kill" in enhanced_reason(VictimFacts(indicators=frozenset({"threat_to_kill"})), POLICY)
    assert (POLICY.working_days(True), POLICY.working_days(False)) == (1, 5)




@pytest.mark.parametrize(("change", "message"), [
    (("enhanced_working_days: 1", "enhanced_working_days: 7"), "enhanced_working_days (7) must not be longer"),
    (("standard_working_days: 5", "standard_working_days: 0"), "standard_working_days: Input should be greater"),
    (("priorities: [P1]", "priorities: [P9]"), "enhanced.priorities[0]"),
    (("repeat_victim: true", "repeat_victim: true\n  sometimes: true"), "enhanced.sometimes: Extra inputs"),
    (("version: \"2021-04-01\"\n", ""), "version: Field required"),
])
def test_a_bad_policy_is_refused_naming_the_field(tmp_path: Path, change: tuple[str, str], message: str) -> None:
    shipped = (ROOT / "policies" / "victims_code.yaml").read_text(encoding="utf-8")
    assert change[0] in shipped
    path = tmp_path / "victims_code.yaml"
    path.write_text(shipped.replace(change[0], change[1]), encoding="utf-8")
    with pytest.raises(PolicyError, match="victims_code.yaml: .*" + message.replace("(", r"\(").replace(")", r"\)")
                       .replace("[", r"\[").replace("]", r"\]")):
        load_victims_code_policy(path)


def test_a_policy_that_is_not_yaml_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "victims_code.yaml"
    path.write_text("standard_working_days: [5\n", encoding="utf-8")
    with pytest.raises(PolicyError, match="not valid YAML"):
        load_victims_code_policy(path)
