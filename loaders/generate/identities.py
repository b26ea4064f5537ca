"""People and their accounts: names, contact details, related handles across platforms, and typing slips."""

from __future__ import annotations

import random
import re
import unicodedata
from dataclasses import dataclass, field
from functools import lru_cache

from .draw import weighted
from .places import ABROAD, TOWNS, Places
from .vocabulary import (
    DRAMA_PHONE_PREFIXES, EMAIL_DOMAINS, FIRST_NAMES, HANDLE_WORDS, NICKNAMES, SURNAMES,
)

PLATFORMS = ("X", "Facebook", "Instagram", "TikTok", "YouTube", "Reddit", "Telegram")
PLATFORM_WEIGHTS = (30, 20, 16, 15, 7, 5, 7)
_CASE_KEPT = frozenset({"X", "Reddit", "Telegram", "YouTube"})  # platforms that show handles in mixed case
_LIMITS = {"X": 15, "Facebook": 50, "Instagram": 30, "TikTok": 24, "YouTube": 30, "Reddit": 20, "Telegram": 32}
_NOT_ALLOWED = {
    "X": re.compile(r"[^a-z0-9_]"), "Facebook": re.compile(r"[^a-z0-9.]"), "Instagram": re.compile(r"[^a-z0-9._]"),
    "TikTok": re.compile(r"[^a-z0-9._]"), "YouTube": re.compile(r"[^a-z0-9._-]"),
    "Reddit": re.compile(r"[^a-z0-9_-]"), "Telegram": re.compile(r"[^a-z0-9_]"),
}
_LEET = str.maketrans({"o": "0", "e": "3", "i": "1", "a": "4"})
_PHONE_POOL = len(DRAMA_PHONE_PREFIXES) * 1000
_HANDLE_NUMBERS = tuple(number for number in range(10, 100) if number not in (14, 88))  # no hate codes


@dataclass(slots=True)
class Person:
    """A real person in the generated world: perpetrator, victim or reporter."""

    id: str
    first: str
    last: str
    nickname: str
    birth_year: int
    email: str | None = None
    phone: str | None = None
    postcode: str | None = None
    force: str | None = None
    country: str | None = None
    town: str | None = None
    date_of_birth: str | None = None
    vulnerable: bool = False
    pseudonymous: bool = False
    alias: str = ""  # the made-up name a pseudonymous perpetrator's accounts share ("North Patriot")
    accounts: list[Account] = field(default_factory=list)

    @property
    def name(self) -> str:
        return f"{self.first} {self.last}"


@dataclass(slots=True)
class Account:
    """One account on one platform, owned by one person."""

    id: str
    platform: str
    handle: str
    display_name: str
    person: Person
    numeric_id: str
    followers: int
    message_counter: int = 0

    @property
    def canonical_handle(self) -> str:
        return self.handle.lower()


@lru_cache(maxsize=4096)
def ascii_fold(text: str) -> str:
    """Return lowercase ASCII letters and digits of a name ("Siân O'Brien" -> "sianobrien")."""
    text = text.replace("Ł", "L").replace("ł", "l")
    decomposed = unicodedata.normalize("NFKD", text)
    return re.sub(r"[^a-z0-9]", "", decomposed.encode("ascii", "ignore").decode().lower())


class People:
    """Makes persons and accounts with unique e-mails, phones and per-platform handles."""

    def __init__(self, rng: random.Random, places: Places) -> None:
        self._rng = rng
        self._places = places
        self._next_person = 0
        self._next_account = 0
        self._next_phone = 0
        self._emails: set[str] = set()
        self._handles: dict[str, set[str]] = {platform: set() for platform in PLATFORMS}
        self.accounts_by_platform: dict[str, list[Account]] = {platform: [] for platform in PLATFORMS}

    def person(self, *, uk: float = 0.82, abroad: float = 0.06, email: float = 0.8, phone: float = 0.25) -> Person:
        """Return a new person; uk and abroad are the chances of a UK postcode or a home abroad."""
        rng = self._rng
        self._next_person += 1
        first, last = rng.choice(FIRST_NAMES), rng.choice(SURNAMES)
        person = Person(
            id=f"P{self._next_person:07d}", first=first, last=last,
            nickname=rng.choice(NICKNAMES.get(first, (first,))), birth_year=rng.randint(1950, 2009),
        )
        place = rng.random()
        if place < uk:
            person.force = self._places.draw_force(rng)
            person.postcode = self._places.draw_postcode(rng, person.force)
            person.country = "GB"
            person.town = rng.choice(TOWNS)
        elif place < uk + abroad:
            person.country = rng.choice(ABROAD)
        elif rng.random() < 0.5:
            person.country = "GB"
        if rng.random() < email:
            person.email = self._email(person)
        if rng.random() < phone:
            person.phone = self._phone()
        if rng.random() < 0.3:
            person.date_of_birth = f"{person.birth_year:04d}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}"
        return person

    def _email(self, person: Person) -> str:
        rng = self._rng
        first, last, nick = ascii_fold(person.first), ascii_fold(person.last), ascii_fold(person.nickname)
        year = person.birth_year % 100
        local = rng.choice((f"{first}.{last}", f"{first[0]}.{last}", f"{first}{last}{year:02d}",
                            f"{nick}.{last}{year:02d}", f"{last}.{first}", f"{nick}{last}"))
        domain = rng.choice(EMAIL_DOMAINS)
        address = f"{local}@{domain}"
        while address in self._emails:
            address = f"{local}{rng.randint(2, 999)}@{domain}"
        self._emails.add(address)
        return address

    def _phone(self) -> str | None:
        """Return an unused drama-range number, or None once the ranges are used up."""
        if self._next_phone >= _PHONE_POOL:
            return None
        index = (self._next_phone * 7919) % _PHONE_POOL
        self._next_phone += 1
        prefix = DRAMA_PHONE_PREFIXES[index // 1000]
        digits = sum(character.isdigit() for character in prefix)
        return f"{prefix}{index % 1000:0{11 - digits}d}"

    def give_accounts(self, person: Person) -> None:
        """Give a perpetrator 1-4 accounts whose handles and display names echo each other."""
        rng = self._rng
        person.pseudonymous = rng.random() < 0.4
        count = weighted(rng, (1, 2, 3, 4), (48, 28, 15, 9))
        stems = self._stems(person)
        rng.shuffle(stems)
        platforms: list[str] = []
        for _ in range(count):
            platform = weighted(rng, PLATFORMS, PLATFORM_WEIGHTS)
            if platform in platforms and rng.random() < 0.75:
                platform = weighted(rng, PLATFORMS, PLATFORM_WEIGHTS)
            platforms.append(platform)
        for index, platform in enumerate(platforms):
            self._account(person, platform, stems[index % len(stems)])

    def _stems(self, person: Person) -> list[str]:
        rng = self._rng
        if person.pseudonymous:
            first, second = rng.sample(HANDLE_WORDS, 2)
            number = rng.choice(_HANDLE_NUMBERS)
            person.alias = f"{first.capitalize()} {second.capitalize()}"
            return [f"{first}_{second}{number}", f"{first.translate(_LEET)}_{second}{number}",
                    f"{first}{second}_{number}", f"{first}.{second}{number}", f"the{first}{second}",
                    f"{first}_{second}_backup", f"{first}{second}{number}x", f"{second}.{first}_"]
        first, last, nick = ascii_fold(person.first), ascii_fold(person.last), ascii_fold(person.nickname)
        year = person.birth_year
        return [f"{nick}.{last[0]}_{year}", f"{nick}{last}.alt", f"{nick}_{last[0]}{year}",
                f"{first}{last}{year % 100:02d}", f"{nick}_{last}", f"{last}.{nick}", f"real{nick}{last}",
                f"{nick}{last}_", f"{first[0]}{last}{year % 100:02d}", f"{nick}.{last}.{year % 100:02d}"]

    def _account(self, person: Person, platform: str, stem: str) -> Account:
        rng = self._rng
        if platform == "Facebook" and not person.pseudonymous:
            stem = f"{ascii_fold(person.first)}.{ascii_fold(person.last)}.{rng.randint(1, 9999)}"
        handle = self._unique_handle(platform, stem)
        if platform in _CASE_KEPT and rng.random() < 0.5:
            handle = "_".join(part[:1].upper() + part[1:] for part in handle.split("_"))
        self._next_account += 1
        account = Account(
            id=f"A{self._next_account:07d}", platform=platform, handle=handle,
            display_name=self._display_name(person, handle), person=person,
            numeric_id=f"1000{rng.randrange(10**10, 10**11)}", followers=int(min(2e6, rng.lognormvariate(5, 1.6))),
        )
        person.accounts.append(account)
        self.accounts_by_platform[platform].append(account)
        return account

    def _unique_handle(self, platform: str, stem: str) -> str:
        limit = _LIMITS[platform]
        handle = _NOT_ALLOWED[platform].sub("", stem.lower().replace(".", "_") if platform in ("X", "Reddit",
                                            "Telegram") else stem.lower())
        handle = handle.strip(".")[:limit] or "user"
        if platform == "Telegram" and (len(handle) < 5 or not handle[0].isalpha()):
            handle = f"tg_{handle}"[:limit]
        taken = self._handles[platform]
        candidate = handle
        while candidate in taken or len(candidate) < 3:
            suffix = str(self._rng.randint(2, 999))
            candidate = handle[: limit - len(suffix)].rstrip(".") + suffix
        taken.add(candidate)
        return candidate

    def _display_name(self, person: Person, handle: str) -> str:
        rng = self._rng
        if person.pseudonymous:
            alias = person.alias
            return rng.choice((alias, f"The {alias}", alias.upper(), alias.replace(" ", ""), f"{alias} UK"))
        first, last, nick = person.first, person.last, person.nickname
        return rng.choice((f"{first} {last}", f"{nick} {last[0]}", f"{first} {last[0]}.", f"{nick} {last}",
                           f"{first[0]}{last[0]}", nick, f"{first} {last}"))


def with_typo(rng: random.Random, value: str, kind: str) -> str:
    """Return the value as a careless reporter might type it again: a slip that keeps it recognisable."""
    if kind == "postcode":
        outward, _, inward = value.partition(" ")
        choice = rng.randrange(4)
        if choice == 0:
            return f"{outward}{inward}"
        if choice == 1:
            return value.lower()
        if choice == 2 and len(inward) == 3:
            return f"{outward} {inward[0]}{inward[2]}{inward[1]}"
        return f" {value} "
    if kind == "email":
        local, _, domain = value.partition("@")
        choice = rng.randrange(3)
        if choice == 0 and len(local) > 3:
            position = rng.randrange(len(local) - 1)
            local = local[:position] + local[position + 1] + local[position] + local[position + 2:]
        elif choice == 1:
            domain = domain.replace("example", rng.choice(("exmaple", "examp1e", "exampel")), 1)
        else:
            local = local.replace(".", "", 1) if "." in local else local.capitalize()
        return f"{local}@{domain}"
    choice = rng.randrange(4)
    if choice == 0 and len(value) > 4:
        position = rng.randrange(1, len(value) - 1)
        return value[:position] + value[position + 1:]
    if choice == 1:
        return value.lower()
    if choice == 2 and len(value) > 4:
        position = rng.randrange(1, len(value) - 2)
        return value[:position] + value[position + 1] + value[position] + value[position + 2:]
    return value.upper() if rng.random() < 0.3 else value + value[-1]
