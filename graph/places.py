"""Where a case's victims and suspects are, read from the graph and turned into the jurisdiction rules' facts.

A full postcode in the ONS postcode directory gives its force exactly; otherwise its postcode district gives
the force, certain only when the district lies wholly inside it. A malformed postcode, or one whose district
is not in the lookup, gives no force and is listed as unresolved, never guessed.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from domain.jurisdiction import JurisdictionFacts, PlaceFact
from graph.port import Row, Tx

NATIONS = {"England": "england", "Wales": "wales", "Scotland": "scotland", "Northern Ireland": "northern_ireland"}


@dataclass(frozen=True)
class CasePlaces:
    """The victims' and suspects' places of one case, the victims' nations, and the postcodes not resolved."""

    case_id: str
    victims: tuple[PlaceFact, ...]
    suspects: tuple[PlaceFact, ...]
    victim_nations: frozenset[str]
    unresolved: tuple[str, ...]
    officer: Row | None

    def facts(self) -> JurisdictionFacts:
        """Return the facts the jurisdiction rules decide from."""
        return JurisdictionFacts(self.case_id, self.victims, self.suspects)


def _place(row: Row, role: str) -> tuple[PlaceFact, str | None, str | None]:
    """Return the place of one person, the nation of its force, and a problem with the postcode given."""
    postcode, country = row.get("postcode"), row.get("country")
    if row.get("exact_force"):
        source = f"{role}'s full postcode {postcode} (ONS postcode directory)"
        return PlaceFact(row["exact_force"], country or "GB", True, source), row.get("exact_nation"), None
    if row.get("district_force"):
        district = row["district"]
        if postcode:
            source = f"{role}'s postcode district {district} (of {postcode})"
        else:
            source = f"{role}'s postcode district {district}, given as their location"
        certain = not row.get("straddles")
        return PlaceFact(row["district_force"], country or "GB", certain, source), row.get("district_nation"), None
    if postcode:
        problem = f"{postcode}: district {row.get('district')} is not in the postcode lookup"
        source = f"{role}'s postcode {postcode}, whose district is not in the lookup"
        return PlaceFact(None, country or "GB", True, source), None, problem
    if row.get("postcode_given"):
        given = row["postcode_given"]
        problem = f"{given!r}: not a valid UK postcode"
        source = f"{role}'s postcode {given!r}, which is not a valid UK postcode"
        return PlaceFact(None, country, True, source), None, problem
    if country:
        return PlaceFact(None, country, True, f"{role}'s country"), None, None
    return PlaceFact(None, None, True, f"no location given for the {role}"), None, None


def _rank(place: PlaceFact) -> int:
    return 3 if place.force_code and place.certain else 2 if place.force_code else 1 if place.country else 0


def _people(rows: Sequence[Row], role: str) -> tuple[list[PlaceFact], list[str | None], list[str]]:
    """Return one place per person (the same victim key or account counted once, its best place kept)."""
    places: list[PlaceFact] = []
    nations: list[str | None] = []
    problems: list[str] = []
    seen: dict[str, int] = {}
    for row in rows:
        place, nation, problem = _place(row, role)
        if problem and problem not in problems:
            problems.append(problem)
        key = row.get("key")
        if key and key in seen:
            index = seen[key]
            if _rank(place) > _rank(places[index]):
                places[index], nations[index] = place, nation
            continue
        if key:
            seen[key] = len(places)
        places.append(place)
        nations.append(nation)
    return places, nations, problems


def _nation(place: PlaceFact, force_nation: str | None, home_countries: Sequence[str]) -> str:
    if force_nation in NATIONS:
        return NATIONS[force_nation]
    if place.country and place.country not in home_countries:
        return "abroad"
    return "unknown"


def case_places(row: Row, home_countries: Sequence[str]) -> CasePlaces:
    """Return the CasePlaces of one row of `jurisdiction/case_places`."""
    victims, victim_nations, victim_problems = _people(row["victims"], "victim")
    suspects, _, suspect_problems = _people(row["subjects"], "suspect")
    nations = frozenset(_nation(p, n, home_countries) for p, n in zip(victims, victim_nations))
    return CasePlaces(
        case_id=row["case"],
        victims=tuple(victims),
        suspects=tuple(suspects),
        victim_nations=nations,
        unresolved=tuple(victim_problems + [p for p in suspect_problems if p not in victim_problems]),
        officer=row.get("officer"),
    )


def read_places(tx: Tx, case_ids: Sequence[str], home_countries: Sequence[str]) -> dict[str, CasePlaces]:
    """Return the places of each case in `case_ids` (cases that do not exist are left out)."""
    rows = tx.run("jurisdiction/case_places", cases=list(case_ids))
    return {row["case"]: case_places(row, home_countries) for row in rows}
