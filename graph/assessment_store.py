"""Assessments as stored on a case: the JSON written by `Assessment.to_dict()`, read back for comparison."""

from __future__ import annotations

import json
from datetime import date, datetime
from typing import Any

from domain.assessment import Assessment, CandidateOffence, Override

_DERIVED = ("keep_subject_data", "subject_notice")


def to_json(assessment: Assessment) -> str:
    """Return the assessment (trace, machine view and overrides included) as a JSON string."""
    return json.dumps(assessment.to_dict(), ensure_ascii=False, sort_keys=True)


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


def from_json(text: str | None) -> Assessment | None:
    """Return the stored assessment, or None when the case has none (or it no longer reads as one)."""
    if not text:
        return None
    try:
        return from_dict(json.loads(text))
    except (TypeError, ValueError, KeyError):
        return None  # written by an older version of the code: compared as if first
