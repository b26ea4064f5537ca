"""Sanitising intelligence: victims' and complainants' names, e-mails, phones, postcodes and dates of birth replaced
by labels ("[victim 1]", "[complainant 2]") in the text and in every structured field.

Pure. One regular expression finds everything that looks like an e-mail address, a date, a phone number, a
postcode or a word, in a single pass (so a label put in is never matched again, and the time grows with the text,
not with the number of people); each thing found is looked up, normalised, among the protected people's details.
A phone number is found by the last nine digits of any run of digits, however it is spaced or prefixed. The words
of a name are replaced one by one, then a name's labels side by side are merged into one. Sanitisation errs
towards removing: a victim's first name is removed wherever it stands as a word.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Any

MONTHS = ("january", "february", "march", "april", "may", "june", "july", "august", "september", "october",
          "november", "december")
PHONE_TAIL = 9  # digits of a phone number that identify it whatever its prefix (+44, 0044, 0)
NAME_WORD = r"[^\W\d_]+(?:['’][^\W\d_]+)*"
ORDINAL = r"(?:st|nd|rd|th)?"
FINDER = re.compile("|".join([
    r"(?P<email>[\w.+'-]+@[\w-]+(?:\.[\w-]+)+)",
    r"(?P<date>\b\d{4}[-/.\s]\d{1,2}[-/.\s]\d{1,2}\b|\b\d{1,2}[-/.\s]\d{1,2}[-/.\s]\d{4}\b"
    rf"|\b\d{{1,2}}{ORDINAL}\s+(?:of\s+)?[^\W\d_]{{3,9}}\.?,?\s+\d{{4}}\b"
    rf"|\b[^\W\d_]{{3,9}}\.?\s+\d{{1,2}}{ORDINAL},?\s+\d{{4}}\b)",
    r"(?P<phone>(?<![\w+])(?:\+|\(\+?)?\d[\d\s().-]{5,}\d)",
    r"(?P<postcode>\b[^\W\d_]{1,2}\d[^\W_]?\s*\d[^\W\d_]{2}\b)",
    rf"(?P<word>{NAME_WORD})",
]), flags=re.IGNORECASE)
WORDS = re.compile(NAME_WORD)


@dataclass(frozen=True)
class ProtectedPerson:
    """A victim or complainant whose details must not leave in a sanitised export, and the label put instead."""

    label: str  # "victim 1", "complainant 2"
    names: tuple[str, ...] = ()
    emails: tuple[str, ...] = ()
    phones: tuple[str, ...] = ()
    postcodes: tuple[str, ...] = ()
    dates_of_birth: tuple[str, ...] = ()
    keys: tuple[str, ...] = field(default=())  # other raw values naming them (victim keys: "email:...", "name:...")


def _folded(text: str) -> str:
    """Lower case without accents: "Zoë" and "ZOE" fold alike."""
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    return unicodedata.normalize("NFC", "".join(char for char in decomposed if not unicodedata.combining(char)))


def _date_of(text: str) -> date | None:
    """Return the date a piece of text writes (ISO, d/m/y, "12th April 1990", "April 12, 1990"), else None."""
    numbers = [int(number) for number in re.findall(r"\d+", text)]
    month_words = [MONTHS.index(name) + 1 for word in re.findall(r"[^\W\d_]+", text.casefold())
                   for name in MONTHS if len(word) >= 3 and name.startswith(word)]
    try:
        if month_words and len(numbers) == 2:
            day, year = (numbers[0], numbers[1]) if numbers[1] > 31 else (numbers[1], numbers[0])
            return date(year, month_words[0], day)
        if len(numbers) == 3:
            return date(*numbers) if numbers[0] > 31 else date(numbers[2], numbers[1], numbers[0])
    except ValueError:
        return None
    return None


@dataclass
class Sanitiser:
    """Replaces every detail of the protected people with their labels, in text and in structured values."""

    people: Sequence[ProtectedPerson]
    _emails: dict[str, str] = field(init=False, default_factory=dict)
    _phones: dict[str, str] = field(init=False, default_factory=dict)
    _postcodes: dict[str, str] = field(init=False, default_factory=dict)
    _dates: dict[date, str] = field(init=False, default_factory=dict)
    _words: dict[str, str] = field(init=False, default_factory=dict)
    _labels: set[str] = field(init=False, default_factory=set)

    def __post_init__(self) -> None:
        for person in self.people:
            label = f"[{person.label}]"
            self._labels.add(label)
            for email in (*person.emails, *(key.split(":", 1)[1] for key in person.keys if key.startswith("email:"))):
                self._emails.setdefault(email.strip().casefold(), label)
            for phone in (*person.phones, *(key.split(":", 1)[1] for key in person.keys if key.startswith("phone:"))):
                digits = re.sub(r"\D", "", phone)
                if len(digits) >= 6:
                    self._phones.setdefault(digits[-PHONE_TAIL:], label)
            for postcode in person.postcodes:
                self._postcodes.setdefault(re.sub(r"\s", "", postcode).upper(), label)
            for value in person.dates_of_birth:
                day = _date_of(str(value)[:10])
                if day:
                    self._dates.setdefault(day, label)
            names = (*person.names, *(key.split(":", 1)[1] for key in person.keys if key.startswith("name:")))
            for name in names:
                for word in WORDS.findall(name):
                    self._words.setdefault(_folded(word), label)
                    for part in re.findall(r"[^\W\d_]+", word):
                        if len(part) >= 2:
                            self._words.setdefault(_folded(part), label)
        if self._labels:
            alternatives = "|".join(re.escape(label) for label in sorted(self._labels, key=len, reverse=True))
            self._merge = re.compile(rf"({alternatives})(?:[\s'’-]{{1,3}}\1)+")

    def _word(self, word: str) -> str:
        label = self._words.get(_folded(word))
        if label:
            return label
        return re.sub(r"[^\W\d_]+", lambda part: self._words.get(_folded(part.group()), part.group()), word)

    def _phone(self, found: str) -> str | None:
        digits = re.sub(r"\D", "", found)
        for start in range(max(len(digits) - PHONE_TAIL + 1, 0)):
            label = self._phones.get(digits[start:start + PHONE_TAIL])
            if label:
                return label
        return None

    def _replace(self, match: re.Match[str]) -> str:
        kind, found = match.lastgroup, match.group()
        label = None
        if kind == "email":
            label = self._emails.get(found.casefold())
        elif kind == "date":
            day = _date_of(found)
            label = self._dates.get(day) if day else None
            label = label or self._phone(found)
        elif kind == "phone":
            label = self._phone(found)
        elif kind == "postcode":
            label = self._postcodes.get(re.sub(r"\s", "", found).upper())
        elif kind == "word":
            return self._word(found)
        return label or WORDS.sub(lambda word: self._word(word.group()), found)

    def text(self, value: str) -> str:
        """Return the text with every detail of a protected person replaced by their label."""
        if not self._labels or not value:
            return value
        return self._merge.sub(r"\1", FINDER.sub(self._replace, value))

    def value(self, value: Any) -> Any:
        """Return a structured value (dicts, lists, strings, dates) with every string sanitised, keys included."""
        if isinstance(value, str):
            return self.text(value)
        if isinstance(value, dict):
            return {self.text(str(key)): self.value(item) for key, item in value.items()}
        if isinstance(value, (list, tuple)):
            return [self.value(item) for item in value]
        if isinstance(value, (date, datetime)):
            return self.text(value.isoformat())
        return value


def protected_people(rows: Iterable[dict[str, Any]]) -> list[ProtectedPerson]:
    """Return the protected people from rows {role: victim|complainant, names, emails, phones, postcodes,
    dates_of_birth, keys}, labelled "victim 1", "victim 2", ... and "complainant 1", ... in the order given."""
    counts: dict[str, int] = {}
    people = []
    for row in rows:
        role = "victim" if row.get("role") == "victim" else "complainant"
        counts[role] = counts.get(role, 0) + 1

        def values(name: str) -> tuple[str, ...]:
            return tuple(str(item) for item in (row.get(name) or []) if item not in (None, ""))

        people.append(ProtectedPerson(
            label=f"{role} {counts[role]}", names=values("names"), emails=values("emails"), phones=values("phones"),
            postcodes=values("postcodes"), dates_of_birth=values("dates_of_birth"), keys=values("keys"),
        ))
    return people
