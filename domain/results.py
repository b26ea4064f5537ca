"""What an assessment produces: immutable, JSON-serialisable results that keep the machine view."""

from __future__ import annotations

import json
import zlib
from dataclasses import dataclass, fields
from datetime import date, datetime
from functools import cache
from typing import Any, Literal

ClassificationValue = Literal["crime", "nchi", "no_record"]
CLASSIFICATIONS: tuple[str, ...] = ("crime", "nchi", "no_record")


_SCALARS = frozenset({str, int, float, bool, type(None)})


def _plain(value: Any) -> Any:
    if isinstance(value, date | datetime):
        return value.isoformat()
    if isinstance(value, tuple | list | frozenset | set):
        return [item if type(item) in _SCALARS else _plain(item) for item in value]
    if hasattr(value, "to_dict"):
        return value.to_dict()
    return value


def _as_dict(instance: Any) -> dict[str, Any]:
    # Plain values (most of an assessment: the trace is a tuple of strings) are tested for first, inline.
    values = {}
    for name in _field_names(type(instance)):
        value = getattr(instance, name)
        values[name] = value if type(value) in _SCALARS else _plain(value)
    return values


@cache
def _field_names(kind: type) -> tuple[str, ...]:
    return tuple(f.name for f in fields(kind))


@dataclass(frozen=True)
class CandidateOffence:
    """One offence considered for the case: which elements are met, and the time limit if summary only."""

    id: str
    statute: str
    section: str
    title: str
    kind: str
    summary_only: bool
    elements_met: tuple[str, ...]
    elements_missing: tuple[str, ...]
    complete: bool
    cps_category: int | None
    charge_by: date | None
    out_of_time: bool
    consent: str | None = None

    @property
    def label(self) -> str:
        """The offence as an officer names it: title (statute section)."""
        return f"{self.title} ({self.statute} {self.section})"

    def to_dict(self) -> dict[str, Any]:
        """Return the offence as JSON-ready values (dates as ISO strings)."""
        return _as_dict(self)


@dataclass(frozen=True)
class Override:
    """An officer's decision replacing one machine value: classification, priority, cps_category or offence:<id>."""

    field: str
    value: Any
    reason: str
    officer: str
    at: datetime

    def to_dict(self) -> dict[str, Any]:
        """Return the override as JSON-ready values."""
        return _as_dict(self)


@dataclass(frozen=True)
class Assessment:
    """The assessment of one case: classification, offences, CPS category, priority, NCHI subject rules, trace.

    `nchi_keep_subject_data` and `nchi_subject_notice` are the NCHI code's verdicts whatever the
    classification; `keep_subject_data` and `subject_notice` give what applies to this classification.
    After `apply_overrides`, `machine` holds the assessment as the rules produced it and `overrides` the
    officers' decisions, in order.
    """

    case_id: str
    policy_version: str
    assessed_on: date
    law_nations: tuple[str, ...]
    classification: ClassificationValue
    classification_rule: str
    classification_reason: str
    offences: tuple[CandidateOffence, ...]
    cps_category: int | None
    priority: str
    priority_rule: str
    priority_reason: str
    nchi_keep_subject_data: bool
    nchi_subject_notice: Literal["tell", "withhold"]
    trace: tuple[str, ...]
    machine: Assessment | None = None
    overrides: tuple[Override, ...] = ()

    @property
    def keep_subject_data(self) -> bool:
        """Return whether the subject's personal data is kept: always for a crime, by the NCHI threshold for an NCHI."""
        return self.classification == "crime" or (self.classification == "nchi" and self.nchi_keep_subject_data)

    @property
    def subject_notice(self) -> str | None:
        """Return "tell" or "withhold" for an NCHI (telling the subject), None otherwise."""
        return self.nchi_subject_notice if self.classification == "nchi" else None

    @property
    def complete_offences(self) -> tuple[CandidateOffence, ...]:
        """Return the offences whose elements are all met (or that an officer has said are made out)."""
        return tuple(offence for offence in self.offences if offence.complete)

    def offence(self, offence_id: str) -> CandidateOffence | None:
        """Return the considered offence with this id, or None when it was not considered."""
        return next((offence for offence in self.offences if offence.id == offence_id), None)

    def to_dict(self) -> dict[str, Any]:
        """Return the assessment as JSON-ready values, including the machine view and overrides."""
        result = _as_dict(self)
        result["keep_subject_data"] = self.keep_subject_data
        result["subject_notice"] = self.subject_notice
        return result


def stored(values: dict[str, Any]) -> bytes:
    """Return an assessment's JSON values (`to_dict()`) as stored on its case: UTF-8 JSON, compressed with zlib.

    An assessment is mostly its trace in words: about 23 KB of JSON under the shipped policy, 4.4 KB compressed.
    Intake writes it for every case a batch assesses (twice for a new case: on the case and in its first version).
    """
    return zlib.compress(json.dumps(values, ensure_ascii=False, sort_keys=True).encode("utf-8"), 1)


def read_stored(value: bytes | str | None) -> dict[str, Any] | None:
    """Return the JSON values of a stored assessment (or None when there is none).

    Reads the compressed form and the plain JSON text that databases written before it hold; raises ValueError
    when the value reads as neither.
    """
    if not value:
        return None
    try:
        data = json.loads(zlib.decompress(value) if isinstance(value, bytes) else value)
    except zlib.error as error:
        raise ValueError(f"stored assessment does not decompress: {error}") from None
    if not isinstance(data, dict):
        raise ValueError("stored assessment is not a JSON object")
    return data


def read_stored_or_none(value: bytes | str | None) -> dict[str, Any] | None:
    """`read_stored`, with None for a value that does not read: for pages and documents that show what they can."""
    try:
        return read_stored(value)
    except ValueError:
        return None
