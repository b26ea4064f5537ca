"""The intake contract, contracts/report.schema.json, as Pydantic models.

The models accept exactly the records the JSON Schema accepts when its formats are checked: unknown fields
are refused, no value is coerced to another type, times are RFC 3339 date-times with a zone offset and
dates are calendar dates. Call `loaders.validation.validate_report` rather than the models directly: it
turns a refusal into errors that name the record, the field and the reason.
"""

import hashlib
import json
import re
from datetime import date, datetime, timedelta, timezone
from typing import Annotated, Literal, TypeVar

from pydantic import (
    PrivateAttr,
    AfterValidator,
    BaseModel,
    BeforeValidator,
    ConfigDict,
    Field,
    StringConstraints,
    WithJsonSchema,
)
from pydantic_core import PydanticCustomError

REFERENCE_PATTERN = r"^[A-Za-z0-9][A-Za-z0-9._/-]*$"
COUNTRY_PATTERN = r"^[A-Z]{2}$"
SHA256_PATTERN = r"^[0-9a-fA-F]{64}$"

Source = Literal["public_web_form", "force_referral", "platform_referral", "third_party_centre", "hub_officer"]
Role = Literal["victim", "witness", "third_party", "organisation"]
PreferredContact = Literal["email", "phone", "post", "none"]
Characteristic = Literal["race", "religion", "sexual_orientation", "disability", "transgender", "other"]
ContentKind = Literal[
    "post", "reply", "comment", "direct_message", "group_message",
    "profile", "image", "video", "livestream", "other",
]

Reference = Annotated[str, StringConstraints(min_length=1, max_length=64, pattern=REFERENCE_PATTERN)]
Description = Annotated[str, StringConstraints(min_length=1, max_length=20000)]
LongText = Annotated[str, StringConstraints(max_length=20000)]
Name = Annotated[str, StringConstraints(max_length=200)]
Platform = Annotated[str, StringConstraints(max_length=100)]
Url = Annotated[str, StringConstraints(max_length=2048)]
Email = Annotated[str, StringConstraints(max_length=320)]
Phone = Annotated[str, StringConstraints(max_length=40)]
Postcode = Annotated[str, StringConstraints(max_length=16)]
Country = Annotated[str, StringConstraints(pattern=COUNTRY_PATTERN)]
Sha256 = Annotated[str, StringConstraints(pattern=SHA256_PATTERN)]

# RFC 3339 section 5.6, the grammar of JSON Schema's "date-time" format: the zone offset is not optional.
# A leap second (:60) is refused, as jsonschema's own checker refuses it: Python's datetime cannot hold one.
_DATE_TIME = re.compile(
    r"(\d{4})-(\d{2})-(\d{2})[Tt]([01]\d|2[0-3]):([0-5]\d):([0-5]\d)(?:\.(\d+))?"
    r"(?:[Zz]|([+-])([01]\d|2[0-3]):([0-5]\d))",
    re.ASCII,
)
_DATE = re.compile(r"(\d{4})-(\d{2})-(\d{2})", re.ASCII)


def _refuse_null(value: object) -> object:
    """Refuse an explicit null: the schema lets a field be left out, never be null."""
    if value is None:
        raise PydanticCustomError("null_not_allowed", "must not be null; leave the field out instead")
    return value


T = TypeVar("T")
# A field that may be left out (and then reads as None) but may not be sent as null.
Omittable = Annotated[T | None, BeforeValidator(_refuse_null)]


def parse_zoned_datetime(value: object) -> datetime:
    """Return the aware datetime an RFC 3339 date-time string names; refuse one without a zone offset."""
    if isinstance(value, datetime) and value.utcoffset() is not None:
        return value
    match = _DATE_TIME.fullmatch(value) if isinstance(value, str) else None
    if match is not None:
        year, month, day, hour, minute, second, fraction, sign, zone_hours, zone_minutes = match.groups()
        offset = timedelta(hours=int(zone_hours or 0), minutes=int(zone_minutes or 0))
        zone = timezone(-offset if sign == "-" else offset) if offset else timezone.utc
        microsecond = int((fraction or "0")[:6].ljust(6, "0"))
        try:
            return datetime(
                int(year), int(month), int(day), int(hour), int(minute), int(second), microsecond, tzinfo=zone
            )
        except ValueError:
            pass  # an impossible day such as 2026-02-29: refused below like any other bad string
    raise PydanticCustomError(
        "date_time_format", "must be a date-time with a zone offset, e.g. 2026-11-02T09:14:00+00:00"
    )


def parse_calendar_date(value: object) -> date:
    """Return the date a YYYY-MM-DD string names; refuse anything else, including impossible dates."""
    if isinstance(value, date) and not isinstance(value, datetime):
        return value
    match = _DATE.fullmatch(value) if isinstance(value, str) else None
    if match is not None:
        try:
            return date(*(int(part) for part in match.groups()))
        except ValueError:
            pass  # an impossible date such as 2026-13-01: refused below like any other bad string
    raise PydanticCustomError("date_format", "must be a date as YYYY-MM-DD, e.g. 1990-04-21")


def _integral_float_to_int(value: object) -> object:
    """Turn 3.0 into 3: JSON Schema counts a number with no fraction as an integer, strict Pydantic does not."""
    if isinstance(value, float) and value.is_integer():
        return int(value)
    return value


def _refuse_repeats(items: list[str]) -> list[str]:
    """Refuse a list that names an item twice, as the schema's uniqueItems does."""
    seen: set[str] = set()
    for item in items:
        if item in seen:
            raise PydanticCustomError("unique_items", "lists '{item}' more than once", {"item": item})
        seen.add(item)
    return items


ZonedDateTime = Annotated[
    datetime, BeforeValidator(parse_zoned_datetime), WithJsonSchema({"type": "string", "format": "date-time"})
]
CalendarDate = Annotated[
    date, BeforeValidator(parse_calendar_date), WithJsonSchema({"type": "string", "format": "date"})
]
Count = Annotated[int, Field(ge=0), BeforeValidator(_integral_float_to_int)]
Characteristics = Annotated[list[Characteristic], Field(max_length=6), AfterValidator(_refuse_repeats)]


class _ContractModel(BaseModel):
    """Settings shared by every part of the contract: unknown fields refused, no type coercion."""

    model_config = ConfigDict(extra="forbid", strict=True)


class Reporter(_ContractModel):
    """Who made the report: the victim, or a witness, third party or organisation on their behalf."""

    role: Role
    anonymous: bool = False
    name: Omittable[Name] = None
    organisation: Omittable[Name] = None
    email: Omittable[Email] = None
    phone: Omittable[Phone] = None
    postcode: Omittable[Postcode] = None
    country: Omittable[Country] = None
    date_of_birth: Omittable[CalendarDate] = None
    contact_consent: bool = True
    preferred_contact: Omittable[PreferredContact] = None


class Victim(_ContractModel):
    """A person targeted; one who is the reporter sets same_as_reporter and may leave the rest out."""

    same_as_reporter: bool = False
    name: Omittable[Name] = None
    email: Omittable[Email] = None
    phone: Omittable[Phone] = None
    postcode: Omittable[Postcode] = None
    country: Omittable[Country] = None
    date_of_birth: Omittable[CalendarDate] = None
    under_18: Omittable[bool] = None
    vulnerable: Omittable[bool] = None


class ContentItem(_ContractModel):
    """One piece of online material reported, with its URL as the reporter pasted it."""

    platform: Omittable[Platform] = None
    url: Omittable[Url] = None
    kind: Omittable[ContentKind] = None
    text: Omittable[LongText] = None
    posted_at: Omittable[ZonedDateTime] = None
    author_handle: Omittable[Name] = None
    audience_size: Omittable[Count] = None
    screenshot_sha256: Omittable[Sha256] = None


class Suspect(_ContractModel):
    """What the reporter knows of whoever is responsible."""

    platform: Omittable[Platform] = None
    handle: Omittable[Name] = None
    profile_url: Omittable[Url] = None
    display_name: Omittable[Name] = None
    name: Omittable[Name] = None
    email: Omittable[Email] = None
    phone: Omittable[Phone] = None
    location: Omittable[Name] = None
    country: Omittable[Country] = None
    known_to_victim: Omittable[bool] = None


class Indicators(_ContractModel):
    """What the reporter says about the material's nature and effect; None where they said nothing."""

    threat_of_violence: Omittable[bool] = None
    threat_to_kill: Omittable[bool] = None
    sexual_threat: Omittable[bool] = None
    repeated_contact: Omittable[bool] = None
    personal_details_published: Omittable[bool] = None
    incitement: Omittable[bool] = None
    victim_fears_violence: Omittable[bool] = None
    victim_distressed: Omittable[bool] = None


Victims = Annotated[list[Victim], Field(max_length=50)]
ContentItems = Annotated[list[ContentItem], Field(max_length=200)]
Suspects = Annotated[list[Suspect], Field(max_length=50)]


class ReportIn(_ContractModel):
    """One report of online hate as it reaches the hub, before any assessment."""

    reference: Reference
    source: Source
    received_at: ZonedDateTime
    reporter: Reporter
    victims: Omittable[Victims] = None
    targeted_characteristics: Omittable[Characteristics] = None
    description: Description
    occurred_from: Omittable[ZonedDateTime] = None
    occurred_to: Omittable[ZonedDateTime] = None
    ongoing: Omittable[bool] = None
    content: Omittable[ContentItems] = None
    suspects: Omittable[Suspects] = None
    indicators: Omittable[Indicators] = None
    _canonical: str | None = PrivateAttr(default=None)  # computed once: intake asks for it three times

    def canonical_json(self) -> str:
        """Return the record as submitted, as JSON with sorted keys, so equal submissions serialise equally.

        Fields the sender left out stay out, so a default added to the models later changes nothing;
        times are written in ISO 8601 with the offset they were sent with.
        """
        if self._canonical is None:
            submitted = self.model_dump(mode="json", exclude_unset=True)
            self._canonical = json.dumps(submitted, sort_keys=True, ensure_ascii=False, separators=(",", ":"))
        return self._canonical

    def content_hash(self) -> str:
        """Return the sha256 hex digest of canonical_json(), to tell a resubmission from a conflicting one."""
        return hashlib.sha256(self.canonical_json().encode("utf-8")).hexdigest()
