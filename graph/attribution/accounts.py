"""Account records for attribution: the projection rows read from Neo4j, turned into comparable values. Pure.

A record keeps what the comparisons need: the handle with leetspeak undone (`1r0nproud45` -> `ironproud45`) and
folded to name forms (`dan.k_1990` -> `dan.k`, see `names.py`), the digits it carries (`1990`), display names and
subject names folded the same way (`The Anon Banter`, `ANON BANTER` -> `anon.banter`), the identifiers of the
subjects said to use the account, and the reports and copy-paste text groups it appears in. A handle with a space
in it is a display name typed where the handle belongs (Facebook "Dan Kirby"): it counts as a display name too.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from typing import Any

from graph.attribution.names import variants, words_of
from loaders.normalise import normalise_platform

LENGTH_LIMITS = {"x": 15, "reddit": 20, "tiktok": 24}  # handles this long may have lost their end
SMALL_REPORT = 3  # a report naming at most this many accounts ties them together; a campaign report does not
_LEET = {"0": "o", "1": "i", "3": "e", "4": "a"}
_LEET_RUN = re.compile(r"(?:(?<=[a-z])|^)[0134]{1,2}(?=[a-z])(?!x$)")  # not a number before a closing "x"
_FACEBOOK_NUMBERED = re.compile(r"^[a-z]+\.[a-z]+\.[0-9]+$")  # first.last.1234: Facebook's number, not the user's
_DIGIT_RUNS = re.compile(r"[0-9]+")
Record = dict[str, Any]


def undo_leet(handle: str) -> str:
    """Return a handle with 0/1/3/4 inside words read as letters ("b4s3dstreet46" -> "basedstreet46")."""
    return _LEET_RUN.sub(lambda match: "".join(_LEET[digit] for digit in match.group()), handle.casefold())


def handle_digits(handle: str, platform: str | None = None) -> str | None:
    """Return the digits a handle carries once leetspeak is read as letters ("dan_k1990" -> "1990"), or None.

    Facebook's own number on a `first.last.1234` address says nothing about the user and is left out.
    """
    plain = undo_leet(handle)
    if platform == "facebook" and _FACEBOOK_NUMBERED.match(plain):
        return None
    return "".join(_DIGIT_RUNS.findall(plain)) or None


def name_forms(names: Iterable[str | None]) -> frozenset[str] | None:
    """Return the folded forms of display names or names, each also with its words reversed; None if there are none."""
    forms: set[str] = set()
    for name in names:
        forms |= variants(words_of(str(name or "")))
    return frozenset(forms) or None


def account_record(row: Mapping[str, Any]) -> Record:
    """Return the attribution record of one projection row (see cypher/attribution/account_evidence)."""
    handle = str(row["handle"] or "").casefold()
    platform = normalise_platform(row.get("platform")) or row.get("platform") or "unknown"
    plain = undo_leet(handle)
    display = list(row.get("display_names") or [])
    if " " in handle.strip():
        display.append(handle)
    names = {name for name in row.get("names") or [] if name}
    reports = row.get("reports") or []
    tokens = words_of(plain)
    return {
        "id": row["id"],
        "platform": platform,
        "handle": handle,
        "plain_handle": plain,
        "handle_forms": variants(tokens) or None,
        "digits": handle_digits(handle, platform),
        "cut_short": len(handle) >= LENGTH_LIMITS.get(platform, 10_000),
        "display_names": name_forms(display),
        "names": frozenset(names) or None,
        "name_forms": name_forms(names),
        "identifiers": frozenset(row.get("identifiers") or ()) or None,
        "reports": frozenset(report["id"] for report in reports),
        "small_reports": frozenset(report["id"] for report in reports if report["accounts"] <= SMALL_REPORT),
        "text_groups": frozenset(row.get("text_groups") or ()),
        "subjects": tuple(sorted(row.get("subjects") or ())),
        "named": tuple(sorted((tie["report"], tie["name"]) for tie in row.get("named") or () if tie)),
    }


def account_records(rows: Iterable[Mapping[str, Any]]) -> list[Record]:
    """Return one record per projection row, in the rows' order."""
    return [account_record(row) for row in rows]
