"""Where generated people live: force areas, postcode districts, towns and countries."""

from __future__ import annotations

import csv
import random
from bisect import bisect
from dataclasses import dataclass
from itertools import accumulate
from pathlib import Path

REFERENCE_DIR = Path(__file__).resolve().parents[2] / "reference"

# Rough share of reports by force area (population-led; Scotland and Northern Ireland report to the hub less).
_FORCE_WEIGHTS = {
    "E23000001": 9.0, "E23000002": 0.5, "E23000003": 1.5, "E23000004": 1.4, "E23000005": 2.8,
    "E23000006": 1.1, "E23000007": 1.5, "E23000008": 0.6, "E23000009": 0.8, "E23000010": 2.3,
    "E23000011": 1.4, "E23000012": 0.9, "E23000013": 0.6, "E23000014": 2.9, "E23000015": 1.1,
    "E23000016": 1.3, "E23000017": 0.6, "E23000018": 1.1, "E23000019": 1.2, "E23000020": 0.8,
    "E23000021": 1.1, "E23000022": 0.8, "E23000023": 0.9, "E23000024": 0.9, "E23000025": 0.8,
    "E23000026": 0.7, "E23000027": 1.2, "E23000028": 1.8, "E23000029": 2.4, "E23000030": 2.0,
    "E23000031": 1.2, "E23000032": 1.9, "E23000033": 1.7, "E23000034": 0.05, "E23000035": 1.8,
    "E23000036": 1.7, "E23000037": 0.6, "E23000038": 0.7, "E23000039": 0.8, "W15000001": 0.7,
    "W15000002": 0.6, "W15000003": 1.3, "W15000004": 0.5, "S23000009": 1.0, "N99999999": 0.4,
}

# Short force names used in force referral references (FR-WMP-2026-5521).
FORCE_ABBREVIATIONS = {
    "E23000001": "MPS", "E23000002": "CUMB", "E23000003": "LANC", "E23000004": "MERS", "E23000005": "GMP",
    "E23000006": "CHES", "E23000007": "NHUM", "E23000008": "DURH", "E23000009": "NYP", "E23000010": "WYP",
    "E23000011": "SYP", "E23000012": "HUMB", "E23000013": "CLEV", "E23000014": "WMP", "E23000015": "STAF",
    "E23000016": "WMER", "E23000017": "WARK", "E23000018": "DERB", "E23000019": "NOTT", "E23000020": "LINC",
    "E23000021": "LEIC", "E23000022": "NTHN", "E23000023": "CAMB", "E23000024": "NORF", "E23000025": "SUFF",
    "E23000026": "BEDS", "E23000027": "HERT", "E23000028": "ESSX", "E23000029": "TVP", "E23000030": "HANT",
    "E23000031": "SURR", "E23000032": "KENT", "E23000033": "SUSX", "E23000034": "COLP", "E23000035": "DCP",
    "E23000036": "ASP", "E23000037": "GLOS", "E23000038": "WILT", "E23000039": "DORS", "W15000001": "NWP",
    "W15000002": "GWNT", "W15000003": "SWP", "W15000004": "DPP", "S23000009": "PSCOT",
    "N99999999": "PSNI",
}

# Towns a reporter might give as a suspect's location instead of a postcode.
TOWNS = (
    "Rotherham", "Leeds", "Bradford", "Sheffield", "Manchester", "Oldham", "Bolton", "Liverpool", "Birmingham",
    "Wolverhampton", "Coventry", "Leicester", "Nottingham", "Derby", "Stoke", "Newcastle", "Sunderland",
    "Middlesbrough", "Hull", "Doncaster", "Blackburn", "Burnley", "Preston", "Blackpool", "Bristol", "Cardiff",
    "Swansea", "Newport", "Plymouth", "Southampton", "Portsmouth", "Brighton", "Luton", "Peterborough",
    "Norwich", "Ipswich", "Reading", "Slough", "Croydon", "East London", "south London", "Glasgow", "Belfast",
)

ABROAD = ("IE", "FR", "DE", "NL", "ES", "PL", "US", "CA", "AU", "PK", "IN", "NG", "AE", "TR")
_INWARD_LETTERS = "ABDEFGHJLNPQRSTUWXYZ"


@dataclass(frozen=True, slots=True)
class Places:
    """The force areas and the districts that lie wholly inside each, ready for weighted drawing."""

    force_names: dict[str, str]
    districts_by_force: dict[str, tuple[str, ...]]
    force_codes: tuple[str, ...]
    force_cum_weights: tuple[float, ...]
    district_force: dict[str, str]

    def draw_force(self, rng: random.Random) -> str:
        """Return a force code, drawn in proportion to how many reports each area sends."""
        position = bisect(self.force_cum_weights, rng.random() * self.force_cum_weights[-1])
        return self.force_codes[position]

    def draw_postcode(self, rng: random.Random, force: str) -> str:
        """Return a well-formed full postcode ("LS6 2AB") in a district lying wholly inside the force."""
        district = rng.choice(self.districts_by_force[force])
        letters = rng.choice(_INWARD_LETTERS) + rng.choice(_INWARD_LETTERS)
        return f"{district} {rng.randrange(10)}{letters}"


def load_places(reference_dir: Path = REFERENCE_DIR) -> Places:
    """Read the force and postcode district tables; only non-straddling districts are used to place people."""
    with open(reference_dir / "police_force_areas.csv", encoding="utf-8", newline="") as handle:
        force_names = {row["code"]: row["name"] for row in csv.DictReader(handle)}
    districts: dict[str, list[str]] = {code: [] for code in force_names}
    district_force: dict[str, str] = {}
    with open(reference_dir / "postcode_districts.csv", encoding="utf-8", newline="") as handle:
        for row in csv.DictReader(handle):
            if row["straddles"].strip().lower() == "false":
                districts[row["force_code"]].append(row["district"])
                district_force[row["district"]] = row["force_code"]
    usable = tuple(code for code in force_names if districts[code])
    weights = tuple(accumulate(_FORCE_WEIGHTS.get(code, 0.5) for code in usable))
    return Places(
        force_names=force_names,
        districts_by_force={code: tuple(districts[code]) for code in usable},
        force_codes=usable,
        force_cum_weights=weights,
        district_force=district_force,
    )
