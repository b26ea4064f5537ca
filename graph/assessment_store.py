"""Assessments as stored on a case: the JSON written by `Assessment.to_dict()` (compressed, `domain.results.stored`),
read back for comparison."""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

from domain.assessment import Assessment, CandidateOffence, Override
from domain.results import read_stored, stored

_DERIVED = ("keep_subject_data", "subject_notice")


def to_stored(assessment: Assessment) -> bytes:
    """Return the assessment (trace, machine view and overrides included) in its stored form."""
    return stored(assessment.to_dict())


def _offence(data: dict[str, Any]) -> CandidateOffence:
    charge_by = date.fromisoformat(data["charge_by"]) if data.get("charge_by") else None
    return CandidateOffence(
        **{**data, "elements_met": tuple(data["elements_met"]), "elements_missing": tuple(data["elements_missing"]),
           "charge_by": charge_by}
    )


def _override(data: dict[str, Any]) -> Override:
    return Override(**{**data, "at": datetime.fromisoformat(data["at"])})


def from_dict(data: dict[str, Any]) -> Assessment:
    """Return the Assessment that `to_dict()` produced these values from."""
    values = {key: value for key, value in data.items() if key not in _DERIVED}
    machine = values.get("machine")
    return Assessment(
        **{
            **values,
            "assessed_on": date.fromisoformat(values["assessed_on"]),
            "law_nations": tuple(values["law_nations"]),
            "offences": tuple(_offence(o) for o in values["offences"]),
            "trace": tuple(values["trace"]),
            "machine": from_dict(machine) if machine else None,
            "overrides": tuple(_override(o) for o in values.get("overrides", ())),
        }
    )


def from_stored(value: bytes | str | None) -> Assessment | None:
    """Return the stored assessment, or None when the case has none (or it no longer reads as one)."""
    try:
        data = read_stored(value)
        return from_dict(data) if data is not None else None
    except (TypeError, ValueError, KeyError):
        return None  # written by an older version of the code: compared as if first
