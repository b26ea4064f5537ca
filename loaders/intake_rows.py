"""A validated report, turned into the rows the intake queries write: pure, no I/O.

Every key is built by the normalisation functions, so the same real-world thing becomes the same node
whichever report brought it: one ContentItem per canonical URL key, one Account per (platform, handle),
one Identifier per normalised e-mail or phone. People are kept as given, one Person per role per report.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field, fields
from datetime import datetime
from typing import Any

from domain.textsim import normalise_text
from loaders.contract import ContentItem, ReportIn, Suspect
from loaders.normalise import (
    PLATFORM_DISPLAY_NAMES,
    canonical_content,
    find_postcode,
    normalise_country,
    normalise_email,
    normalise_handle,
    normalise_name,
    normalise_phone,
    normalise_platform,
    parse_outward,
    parse_postcode,
    platforms_named_in,
    profile_of_handle,
)

UNKNOWN_PLATFORM = "unknown"
MIN_COPY_PASTE_WORDS = 5
Row = dict[str, Any]


def report_id(source: str, reference: str) -> str:
    """Return the Report node key for a submission: `source:reference`."""
    return f"{source}:{reference}"


@dataclass
class IntakeRows:
    """The rows for one batch of reports, one list per intake query."""

    reports: list[Row] = field(default_factory=list)
    reporters: list[Row] = field(default_factory=list)
    victims: list[Row] = field(default_factory=list)
    subjects: list[Row] = field(default_factory=list)
    identifiers: list[Row] = field(default_factory=list)
    postcodes: list[Row] = field(default_factory=list)
    countries: list[Row] = field(default_factory=list)
    items: list[Row] = field(default_factory=list)
    suspect_accounts: list[Row] = field(default_factory=list)

    def extend(self, other: "IntakeRows") -> None:
        """Append every row of `other` to this batch."""
        for spec in fields(self):
            getattr(self, spec.name).extend(getattr(other, spec.name))


@dataclass(frozen=True)
class Submission:
    """One validated report made ready to write: its line (if read from a file) and its intake rows.

    Built before any transaction (`hub load` builds them on its reading thread), so that a batch's
    transaction spends its time in the database rather than in Python while the database waits.
    """

    report: ReportIn
    line: int | None
    rows: IntakeRows

    @classmethod
    def of(cls, report: ReportIn, line: int | None = None) -> "Submission":
        """Prepare `report` (read at `line`, if from a file)."""
        return cls(report, line, rows_for(report))

    @property
    def id(self) -> str:
        """The Report node key, `source:reference`."""
        return self.rows.reports[0]["id"]

    @property
    def digest(self) -> str:
        """The report's content hash, to tell a resubmission from a conflicting one."""
        return self.rows.reports[0]["content_hash"]


def rows_for(report: ReportIn) -> IntakeRows:
    """Return the graph rows for one validated report."""
    rid = report_id(report.source, report.reference)
    rows = IntakeRows()
    rows.reports.append(_report_row(rid, report))

    reporter_id = f"{rid}#reporter"
    given = report.reporter
    reporter_props = {} if given.anonymous else _person_props(given.name, given.date_of_birth)
    if given.organisation and not given.anonymous:
        reporter_props["organisation"] = given.organisation
    rows.reporters.append(
        {
            "report": rid,
            "person": reporter_id,
            "props": reporter_props,
            "rel": {
                "role": given.role,
                "anonymous": given.anonymous,
                "contact_consent": given.contact_consent and not given.anonymous,
                "preferred_contact": given.preferred_contact or ("none" if given.anonymous else None),
            },
        }
    )
    if not given.anonymous:
        _contact_rows(rows, reporter_id, given.email, given.phone)
        reporter_props.update(_place_rows(rows, reporter_id, given.postcode, given.country))

    for position, victim in enumerate(report.victims or []):
        person = reporter_id if victim.same_as_reporter else f"{rid}#victim{position}"
        described = given if victim.same_as_reporter and not given.anonymous else victim
        victim_props: Row = {}
        if not victim.same_as_reporter:
            victim_props = _person_props(victim.name, victim.date_of_birth)
            _contact_rows(rows, person, victim.email, victim.phone)
            victim_props.update(_place_rows(rows, person, victim.postcode, victim.country))
        rows.victims.append(
            {
                "report": rid,
                "person": person,
                "position": position,
                "props": victim_props,
                "rel": _without_none(
                    {
                        "victim_key": victim_key(described.email, described.phone, described.name),
                        "same_as_reporter": victim.same_as_reporter,
                        "under_18": victim.under_18,
                        "vulnerable": victim.vulnerable,
                    }
                ),
            }
        )

    clues = _PlatformClues.of(report)
    for position, item in enumerate(report.content or []):
        rows.items.append(_item_row(rid, position, item, clues))

    for position, suspect in enumerate(report.suspects or []):
        _suspect_rows(rows, rid, position, suspect)
    _posters_from_suspects(rows)
    return rows


def _posters_from_suspects(rows: IntakeRows) -> None:
    """Give material without a URL or poster the one account the report names on that platform.

    "A post on X" with no address and no handle, in a report whose only suspect on X is @dan_k (and which
    names no other account on X as a poster): the report says @dan_k posted it. Only when the report names
    exactly one account on the item's platform, and only for material without a URL (an item with one is
    shared with other reports, which may say otherwise). The item records where its poster came from
    (`author_from`).
    """
    named: dict[str, set[str]] = {}
    for account in rows.suspect_accounts:
        named.setdefault(account["platform"], set()).add(account["handle"])
    for item in rows.items:
        if item["author"]:
            named.setdefault(item["platform"], set()).add(item["author_handle"])
    for item in rows.items:
        handles = named.get(item["platform"], set())
        if item["author"] or item["has_url"] or item["platform"] == UNKNOWN_PLATFORM or item["kind"] == "profile" \
                or len(handles) != 1:
            continue
        (handle,) = handles
        item.update(author=f"{item['platform']}:{handle}", author_handle=handle, author_from="suspect")


def text_key(text: str | None) -> str | None:
    """Return the key of a text's normalised words (five or more), shared by exact copy-pastes; else None."""
    if not text:
        return None
    words = normalise_text(text)
    if len(words.split()) < MIN_COPY_PASTE_WORDS:
        return None
    return "text:" + hashlib.sha256(words.encode()).hexdigest()[:24]


def victim_key(email: str | None, phone: str | None, name: str | None) -> str | None:
    """Return the key that tells whether two reports name the same victim: e-mail, else phone, else name.

    The duplicate candidate queries (`cypher/dedupe/*_candidates.cypher`) also read each victim by name, built
    the same way from the person's `name_key` ('name:' + name_key); keep the two forms alike (a rule test, "the
    victim reporting herself and the victim a witness names are one victim", fails when they differ).
    """
    clean_email, clean_phone, clean_name = normalise_email(email), normalise_phone(phone), normalise_name(name)
    if clean_email:
        return f"email:{clean_email}"
    if clean_phone:
        return f"phone:{clean_phone}"
    return f"name:{clean_name}" if clean_name else None


def _instant(moment: datetime | None) -> str | None:
    """Return a date-time as ISO 8601 text, for Cypher's `datetime()` to read.

    The driver turns a Python datetime into its wire form in about 33 µs; Neo4j reads the text for far less.
    """
    return moment.isoformat() if moment is not None else None


def _report_row(rid: str, report: ReportIn) -> Row:
    indicators = report.indicators.model_dump(exclude_none=True) if report.indicators else {}
    return {
        "id": rid,
        "source": report.source,
        "reference": report.reference,
        "received_at": _instant(report.received_at),
        "description": report.description,
        "reporter_role": report.reporter.role,
        "anonymous": report.reporter.anonymous,
        "record_json": report.canonical_json(),
        "content_hash": report.content_hash(),
        "strands": list(report.targeted_characteristics or []),
        "content_count": len(report.content or []),
        "victim_count": len(report.victims or []),
        "occurred_from": _instant(report.occurred_from),
        "occurred_to": _instant(report.occurred_to),
        "ongoing": report.ongoing,
        "indicators": sorted(name for name, value in indicators.items() if value),
        "indicators_denied": sorted(name for name, value in indicators.items() if not value),
    }


def _person_props(name: str | None, date_of_birth: Any) -> Row:
    return _without_none({"name": name, "name_key": normalise_name(name), "date_of_birth": date_of_birth})


def _contact_rows(rows: IntakeRows, person: str, email: str | None, phone: str | None) -> None:
    clean_email, clean_phone = normalise_email(email), normalise_phone(phone)
    if clean_email:
        rows.identifiers.append({"person": person, "id": f"email:{clean_email}", "kind": "email", "value": clean_email})
    if clean_phone:
        rows.identifiers.append({"person": person, "id": f"phone:{clean_phone}", "kind": "phone", "value": clean_phone})


def _place_rows(rows: IntakeRows, person: str, postcode: str | None, country: str | None) -> Row:
    """Add the person's postcode and country rows; return props recording a postcode that is not valid."""
    parsed = parse_postcode(postcode) if postcode else None
    if parsed:
        rows.postcodes.append(
            {"person": person, "postcode": parsed.postcode, "district": parsed.district, "area": parsed.area}
        )
    code = normalise_country(country) or ("GB" if parsed else None)
    if code:
        rows.countries.append({"person": person, "code": code})
    return {"postcode_given": postcode, "postcode_valid": False} if postcode and not parsed else {}


@dataclass(frozen=True)
class _PlatformClues:
    """What else in a report says which platform its material is on, for an item given without one."""

    suspects: tuple[tuple[str, str], ...]  # (platform, handle) of each suspect account given with its platform
    described: frozenset[str]  # the platforms the description names (`platforms_named_in`)

    @classmethod
    def of(cls, report: ReportIn) -> _PlatformClues:
        suspects = []
        for suspect in report.suspects or []:
            platform = normalise_platform(suspect.platform)
            handle = normalise_handle(suspect.handle, platform) if platform else None
            if handle:
                suspects.append((platform, handle))
        return cls(tuple(suspects), frozenset(platforms_named_in(report.description)))

    def platform_of(self, handle: str | None) -> tuple[str, str] | None:
        """The platform of material given with neither a platform nor a usable URL, and where it came from.

        The one platform of the suspects with the poster's handle ("suspect"); else the one platform the
        description names ("description"); else None (two candidates, or none, and nothing is guessed).
        """
        if handle:
            given = {platform for platform, known in self.suspects if known == normalise_handle(handle, platform)}
            if len(given) == 1:
                return next(iter(given)), "suspect"
        if len(self.described) == 1:
            return next(iter(self.described)), "description"
        return None


def _item_row(rid: str, position: int, item: ContentItem, clues: _PlatformClues) -> Row:
    hinted = normalise_platform(item.platform)
    canonical = canonical_content(item.url, hinted) if item.url else None
    platform_from = None
    if hinted is None and canonical is None:
        inferred = clues.platform_of(item.author_handle)
        if inferred:
            hinted, platform_from = inferred
    platform = (canonical.platform if canonical and canonical.platform != "web" else None) or hinted
    platform = platform or (canonical.platform if canonical else UNKNOWN_PLATFORM)
    handle = normalise_handle(item.author_handle, platform)
    if handle is None and canonical and canonical.kind_hint == "profile" and canonical.item_id:
        handle = normalise_handle(canonical.item_id, platform)
    if handle is None and canonical and canonical.author:
        handle = normalise_handle(canonical.author, platform)  # the poster the URL names (x.com/<handle>/status/...)
    url_from = None
    if canonical is None and item.kind == "profile" and handle:
        canonical = profile_of_handle(platform, handle, item.author_handle or "")
        url_from = "handle" if canonical else None  # a profile named by its handle is the one at its address
    if canonical:
        key = canonical.key
    else:
        # No usable URL: the item is this report's own until duplicate review links it to another.
        key = f"{platform}:unlinked:{hashlib.sha256(f'{rid}#{position}'.encode()).hexdigest()[:20]}"
    return {
        "report": rid,
        "position": position,
        "key": key,
        "platform": platform,
        "platform_name": PLATFORM_DISPLAY_NAMES.get(platform, item.platform or platform),
        "author": f"{platform}:{handle}" if handle else None,
        "author_handle": handle,
        "item_id": canonical.item_id if canonical else None,
        "kind": item.kind or (canonical.kind_hint if canonical else None),
        "canonical_url": canonical.canonical_url if canonical else None,
        "has_url": canonical is not None,
        "text": item.text,
        "text_key": text_key(item.text),
        "posted_at": _instant(item.posted_at),
        "original_url": item.url,
        "given_kind": item.kind,
        "audience_size": item.audience_size,
        "screenshot_sha256": item.screenshot_sha256.lower() if item.screenshot_sha256 else None,
        "author_handle_given": item.author_handle,
        "author_from": "content" if handle else None,
        "platform_from": platform_from,
        "url_from": url_from,
    }


def _suspect_rows(rows: IntakeRows, rid: str, position: int, suspect: Suspect) -> None:
    person = f"{rid}#subject{position}"
    props = _person_props(suspect.name, None)
    location = suspect.location
    located = find_postcode(location) if location else None
    props.update(
        _without_none(
            {
                "display_name": suspect.display_name,
                "location_text": location,
                "district": located.district if located else parse_outward(location) if location else None,
            }
        )
    )
    rows.subjects.append(
        {
            "report": rid,
            "person": person,
            "position": position,
            "props": props,
            "rel": _without_none({"known_to_victim": suspect.known_to_victim}),
        }
    )
    _contact_rows(rows, person, suspect.email, suspect.phone)
    _place_rows(rows, person, located.postcode if located else None, suspect.country)

    hinted = normalise_platform(suspect.platform)
    profile = canonical_content(suspect.profile_url, hinted) if suspect.profile_url else None
    platform = hinted or (profile.platform if profile and profile.platform != "web" else None) or UNKNOWN_PLATFORM
    handle = normalise_handle(suspect.handle, platform)
    if handle is None and profile and profile.kind_hint == "profile" and profile.item_id:
        handle = normalise_handle(profile.item_id, platform)
    if handle:
        rows.suspect_accounts.append(
            {
                "report": rid,
                "person": person,
                "account": f"{platform}:{handle}",
                "platform": platform,
                "platform_name": PLATFORM_DISPLAY_NAMES.get(platform, suspect.platform or platform),
                "handle": handle,
                "profile_url": profile.canonical_url if profile else None,
            }
        )


def _without_none(values: Row) -> Row:
    return {key: value for key, value in values.items() if value is not None}
