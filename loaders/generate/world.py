"""The generated world: perpetrators with their accounts, victims, reporters, and the clock they live by."""

from __future__ import annotations

import random
from bisect import bisect
from itertools import accumulate

from .clock import DAY, HOUR, MINUTE, WINDOW_END, WINDOW_START
from .content import ContentMaker
from .identities import People, Person
from .places import Places
from .plans import Reporter
from .vocabulary import THIRD_PARTY_CENTRES

_FIRST_INCIDENT = WINDOW_START + 3 * DAY
_LAST_INCIDENT = WINDOW_END - 4 * DAY
_JITTER = 2 * DAY


class World:
    """Holds one seeded random stream and every person, account and item drawn from it, in draw order."""

    def __init__(self, seed: int, n_reports: int, places: Places) -> None:
        self.rng = random.Random(seed)
        self.places = places
        self.people = People(self.rng, places)
        self.content = ContentMaker(self.rng)
        self.perpetrators: list[Person] = []
        for _ in range(max(8, n_reports // 15)):
            person = self.people.person(uk=0.76, abroad=0.1, email=0.7, phone=0.3)
            self.people.give_accounts(person)
            self.perpetrators.append(person)
        # Most perpetrators appear once or twice; a prolific few appear dozens of times (capped Pareto).
        self._perpetrator_weights = tuple(accumulate(min(30.0, self.rng.paretovariate(1.2))
                                                     for _ in self.perpetrators))
        self.repeat_victims: list[Person] = []
        self._repeat_victim_ids: set[str] = set()
        self._repeat_victim_target = max(3, n_reports // 60)
        self.prolific_witnesses: list[Person] = []
        self._prolific_target = max(2, n_reports // 200)
        self.next_campaign = 0
        self.progress = 0.0  # share of the reports planned so far; moves the clock through the year

    def perpetrator(self) -> Person:
        """Return a perpetrator, the prolific ones far more often."""
        weights = self._perpetrator_weights
        return self.perpetrators[bisect(weights, self.rng.random() * weights[-1])]

    def victim(self, repeat: float = 0.15) -> Person:
        """Return the person targeted; with chance `repeat` one of the persistently targeted few."""
        rng = self.rng
        if rng.random() < repeat:
            if len(self.repeat_victims) < self._repeat_victim_target:
                person = self._new_victim()
                self.repeat_victims.append(person)
                self._repeat_victim_ids.add(person.id)
                return person
            return rng.choice(self.repeat_victims)
        return self._new_victim()

    def _new_victim(self) -> Person:
        person = self.people.person(uk=0.82, abroad=0.06, email=0.85, phone=0.3)
        person.vulnerable = self.rng.random() < 0.1
        return person

    def is_repeat_victim(self, person: Person) -> bool:
        """True for the persistently targeted, who report again and again (and retype their details)."""
        return person.id in self._repeat_victim_ids

    def witness(self) -> Reporter:
        """Return a member of the public reporting what they saw; some report a lot."""
        rng = self.rng
        if rng.random() < 0.1:
            if len(self.prolific_witnesses) < self._prolific_target:
                person = self.people.person(uk=0.9, abroad=0.02, email=0.95, phone=0.2)
                self.prolific_witnesses.append(person)
            else:
                person = rng.choice(self.prolific_witnesses)
            return Reporter("witness", person, careless=True)
        person = self.people.person(uk=0.85, abroad=0.03, email=0.85, phone=0.15)
        anonymous = rng.random() < 0.06
        return Reporter("witness", person, anonymous=anonymous)

    def self_reporter(self, victim: Person) -> Reporter:
        """Return the victim reporting for themselves; a few stay anonymous."""
        repeat = self.is_repeat_victim(victim)
        anonymous = not repeat and self.rng.random() < 0.05
        return Reporter("victim", victim, anonymous=anonymous, careless=repeat)

    def third_party(self) -> Reporter:
        """Return a relative or friend reporting on the victim's behalf."""
        return Reporter("third_party", self.people.person(uk=0.9, abroad=0.02, email=0.9, phone=0.35))

    def centre(self) -> Reporter:
        """Return a third-party reporting centre."""
        return Reporter("organisation", organisation=self.rng.choice(THIRD_PARTY_CENTRES))

    def _clock(self) -> int:
        return _FIRST_INCIDENT + int(self.progress * (_LAST_INCIDENT - _FIRST_INCIDENT))

    def incident_time(self) -> int:
        """Return when a new incident happens: near the clock, which crosses the twelve months as reports are
        planned, so that reports come out in the order they are received."""
        moment = self._clock() + self.rng.randint(-_JITTER, _JITTER)
        if moment < _FIRST_INCIDENT:
            return _FIRST_INCIDENT + (_FIRST_INCIDENT - moment)
        if moment > _LAST_INCIDENT:
            return _LAST_INCIDENT - (moment - _LAST_INCIDENT)
        return moment

    def earliest_future_time(self) -> int:
        """Return a time before which no report about a future incident can be received."""
        return self._clock() - _JITTER

    def after(self, moment: int, low: int, typical: int) -> int:
        """Return a time after `moment`: at least `low` seconds, typically about `typical` more, in the window."""
        delay = low + int(self.rng.expovariate(1.0 / typical))
        latest = WINDOW_END - self.rng.randint(MINUTE, HOUR)
        return min(moment + delay, latest) if moment < latest else moment + 1

    def individual_source(self, role: str) -> str:
        """Return how a person's report reaches the hub: the web form, or a force that passes it on."""
        roll = self.rng.random()
        if role == "victim":
            return "public_web_form" if roll < 0.74 else "force_referral"
        if role == "third_party":
            return "public_web_form" if roll < 0.8 else "force_referral"
        return "public_web_form" if roll < 0.9 else "force_referral"
