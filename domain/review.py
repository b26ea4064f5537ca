"""Comparing assessments in words, and recording officers' overrides while keeping the machine view."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace
from typing import Any

from .results import CLASSIFICATIONS, Assessment, Override

CLASSIFICATION_WORDS = {"crime": "crime", "nchi": "non-crime hate incident", "no_record": "no record"}
_PRIORITY = re.compile(r"^P[1-9]$")


def _summary(assessment: Assessment) -> str:
    made_out = "; ".join(o.label for o in assessment.complete_offences) or "none"
    category = assessment.cps_category if assessment.cps_category is not None else "none"
    return (
        f"{CLASSIFICATION_WORDS[assessment.classification]}, priority {assessment.priority}, "
        f"CPS category {category}; offences made out: {made_out}"
    )


def diff(old: Assessment | None, new: Assessment) -> list[str]:
    """Return, in plain words, what changed from the old assessment to the new one ([] when nothing did)."""
    if old is None:
        return [f"First assessment: {_summary(new)}."]
    lines: list[str] = []
    if old.classification != new.classification:
        lines.append(
            f"Classification changed from {CLASSIFICATION_WORDS[old.classification]} to "
            f"{CLASSIFICATION_WORDS[new.classification]}: {new.classification_reason}"
        )
    if old.priority != new.priority:
        direction = "raised" if new.priority < old.priority else "lowered"
        lines.append(f"Priority {direction} from {old.priority} to {new.priority}: {new.priority_reason}")
    if old.cps_category != new.cps_category:
        lines.append(f"CPS category changed from {old.cps_category or 'none'} to {new.cps_category or 'none'}.")
    old_done = {o.id: o for o in old.complete_offences}
    new_done = {o.id: o for o in new.complete_offences}
    lines += [f"Now made out: {o.label}." for i, o in new_done.items() if i not in old_done]
    lines += [f"No longer made out: {o.label}." for i, o in old_done.items() if i not in new_done]
    for offence_id, offence in new_done.items():
        before = old_done.get(offence_id)
        if before is None:
            continue
        if offence.out_of_time and not before.out_of_time:
            lines.append(f"{offence.label} is now out of time (charge-by date {offence.charge_by}).")
        elif offence.charge_by != before.charge_by:
            lines.append(f"{offence.label}: charge by {offence.charge_by} (was {before.charge_by}).")
    if old.keep_subject_data != new.keep_subject_data:
        kept = "is now kept" if new.keep_subject_data else "is no longer kept"
        lines.append(f"The subject's personal data {kept}.")
    if old.subject_notice != new.subject_notice:
        lines.append(_notice_change(old.subject_notice, new.subject_notice))
    if old.policy_version != new.policy_version:
        lines.append(f"Assessed under policy version {new.policy_version} (was {old.policy_version}).")
    return lines


def _notice_change(old: str | None, new: str | None) -> str:
    words = {"tell": "tell the subject", "withhold": "do not tell the subject yet"}
    if new is None:
        return "No notice to the subject is due now: it is not a non-crime hate incident."
    if old is None:
        return f"Notice to the subject now due: {words[new]}."
    return f"Notice to the subject changed from '{words[old]}' to '{words[new]}'."


def _check(override: Override) -> None:
    if not override.reason.strip() or not override.officer.strip():
        raise ValueError(f"override of '{override.field}': an officer and a reason are required")


def _apply(assessment: Assessment, override: Override) -> tuple[Assessment, Any, Any]:
    field, value = override.field, override.value
    if field == "classification":
        if value not in CLASSIFICATIONS:
            raise ValueError(f"override of classification: {value!r} is not one of {', '.join(CLASSIFICATIONS)}")
        reason = f"Set to {CLASSIFICATION_WORDS[value]} by {override.officer}: {override.reason}"
        changed = replace(
            assessment, classification=value, classification_rule="override", classification_reason=reason
        )
        return changed, assessment.classification, value
    if field == "priority":
        if not isinstance(value, str) or not _PRIORITY.match(value):
            raise ValueError(f"override of priority: {value!r} is not a priority such as P1")
        reason = f"{value} set by {override.officer}: {override.reason}"
        changed = replace(assessment, priority=value, priority_rule="override", priority_reason=reason)
        return changed, assessment.priority, value
    if field == "cps_category":
        if value is not None and (isinstance(value, bool) or value not in (1, 2, 3, 4)):
            raise ValueError(f"override of cps_category: {value!r} is not 1, 2, 3, 4 or null")
        return replace(assessment, cps_category=value), assessment.cps_category, value
    if field.startswith("offence:"):
        offence_id = field.removeprefix("offence:")
        offence = assessment.offence(offence_id)
        if offence is None:
            raise ValueError(
                f"override of {field}: no offence '{offence_id}' was considered for case {assessment.case_id}"
            )
        if not isinstance(value, bool):
            raise ValueError(
                f"override of {field}: the value is true (made out) or false (not made out), got {value!r}"
            )
        offences = tuple(replace(o, complete=value) if o.id == offence_id else o for o in assessment.offences)
        words = {True: "made out", False: "not made out"}
        return replace(assessment, offences=offences), words[offence.complete], words[value]
    raise ValueError(f"override field '{field}' is not one of classification, priority, cps_category, offence:<id>")


def apply_overrides(machine: Assessment, overrides: Sequence[Override]) -> Assessment:
    """Return the assessment showing the officers' values, keeping the machine view in `.machine`.

    Overrides add to any already applied; later ones win. Each is written into the trace with who, when, why.
    """
    base = machine.machine or machine
    every = (*machine.overrides, *overrides)
    result, trace = base, list(base.trace)
    for override in every:
        _check(override)
        result, old, new = _apply(result, override)
        trace.append(
            f"Override by {override.officer} at {override.at.isoformat()}: {override.field} changed from "
            f"{old} to {new} — {override.reason}"
        )
    return replace(result, trace=tuple(trace), machine=base, overrides=tuple(every))
