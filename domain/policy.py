"""The assessment policy file (policies/assessment.yaml) as validated, immutable Pydantic models."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date
from functools import cached_property
from pathlib import Path
from typing import Annotated, Any, Literal

from pydantic import AfterValidator, BaseModel, BeforeValidator, ConfigDict, Field, field_validator, model_validator

from .conditions import (
    Condition, Labels, Outcome, PathError, evaluate, fact_readers, iter_leaves, parse_condition, reads_offences,
)
from .facts import CONTENT_KINDS, INDICATORS, STRANDS, UK_NATIONS, CaseFacts
from .policy_files import allowing, read_policy_file, validate_policy

Name = Annotated[str, Field(pattern=r"^[a-z][a-z0-9_]*$")]
Nation = Literal["england", "wales", "scotland", "northern_ireland"]
Strand = Literal["race", "religion", "sexual_orientation", "disability", "transgender", "other"]
RunsFrom = Literal["earliest_incident", "latest_incident", "evidence_to_prosecutor"]
When = Annotated[Condition, BeforeValidator(lambda raw: parse_condition(raw))]
OptionalWhen = Annotated[Condition | None, BeforeValidator(lambda raw: None if raw is None else parse_condition(raw))]


def _explain(*names: str) -> Any:
    return Annotated[str, Field(min_length=1), AfterValidator(allowing(*names))]


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True, arbitrary_types_allowed=True)


class Vocabulary(_Strict):
    """Plain-English labels for every indicator, strand, content kind and UK nation the reports can carry."""

    indicators: dict[str, str]
    strands: dict[str, str]
    content_kinds: dict[str, str]
    nations: dict[str, str]

    @field_validator("indicators", "strands", "content_kinds", "nations")
    @classmethod
    def _complete(cls, labels: dict[str, str], info: Any) -> dict[str, str]:
        known = {"indicators": INDICATORS, "strands": STRANDS, "content_kinds": CONTENT_KINDS, "nations": UK_NATIONS}
        expected = known[info.field_name]
        for name in labels:
            if name not in expected:
                raise PathError(name, f"unknown name (known: {', '.join(expected)})")
        missing = [name for name in expected if name not in labels]
        if missing:
            raise ValueError(f"a label is needed for: {', '.join(missing)}")
        return labels


class TimeLimit(_Strict):
    """When a summary-only offence must be charged: months from a start, and an optional absolute cap."""

    months: int = Field(ge=1)
    runs_from: RunsFrom
    begins_with_start_day: bool = False
    absolute_max_years: int | None = Field(default=None, ge=1)


class Element(_Strict):
    """One thing that must be present for an offence, as a named condition over the case facts."""

    name: Name
    explain: _explain()
    when: When


class Offence(_Strict):
    """An offence (or a sentencing aggravation) the hub considers, with its elements and limits."""

    id: Name
    statute: str
    section: str
    title: str
    kind: Literal["offence", "aggravation"]
    jurisdictions: list[Nation] = Field(min_length=1)
    in_force_from: date
    summary_only: bool
    time_limit: TimeLimit | None = None
    cps_category: int | None = Field(ge=1, le=4)
    consent: str | None = None
    explain: _explain()
    elements: list[Element] = Field(min_length=1)

    @model_validator(mode="after")
    def _consistent(self) -> Offence:
        if self.summary_only != (self.time_limit is not None):
            raise PathError("time_limit", "a summary-only offence needs a time_limit, and only it")
        names = [element.name for element in self.elements]
        for i, name in enumerate(names):
            if name in names[:i]:
                raise PathError(f"elements[{i}].name", f"element '{name}' appears twice")
        return self

    @property
    def label(self) -> str:
        """The offence as an officer names it: title (statute section)."""
        return f"{self.title} ({self.statute} {self.section})"


class Rule(_Strict):
    """A named condition with the words that explain it when it decides something."""

    name: Name
    explain: _explain("because")
    when: When


class Text(_Strict):
    """An explain text with no condition of its own."""

    explain: str = Field(min_length=1)


class Law(_Strict):
    """Which nations' law is considered: the victims', else the default."""

    explain: _explain("nations")
    default_nations: list[Nation] = Field(min_length=1)
    default_explain: _explain("nations")


class CpsCategory(_Strict):
    label: str
    explain: _explain()


class Classification(_Strict):
    """The words for each classification outcome; the order of the rules is fixed by the engine."""

    crime: Text
    nchi: Text
    not_hate: Text
    nchi_switched_off: Text
    below_nchi_threshold: Text

    @model_validator(mode="after")
    def _placeholders(self) -> Classification:
        allowed = {"crime": {"offences"}, "below_nchi_threshold": {"rule", "because"}}
        for name in type(self).model_fields:
            _check_placeholders(getattr(self, name).explain, allowed.get(name, {"because"}), f"{name}.explain")
        return self


class SubjectData(_Strict):
    keep: Rule
    do_not_keep: Text

    @model_validator(mode="after")
    def _placeholders(self) -> SubjectData:
        _check_placeholders(self.do_not_keep.explain, {"because"}, "do_not_keep.explain")
        return self


class SubjectNotice(_Strict):
    withhold: Rule
    tell: Text

    @model_validator(mode="after")
    def _placeholders(self) -> SubjectNotice:
        _check_placeholders(self.tell.explain, {"because"}, "tell.explain")
        return self


class Nchi(_Strict):
    """The non-crime hate incident policy: the switch, what is perceived, what is not recorded, subject data."""

    enabled: bool
    explain: _explain()
    code_in_force_from: date
    hate_perceived: Rule
    do_not_record: list[Rule]
    subject_data: SubjectData
    subject_notice: SubjectNotice


class Priority(_Strict):
    level: Annotated[str, Field(pattern=r"^P[1-9]$")]
    name: Name
    explain: _explain("because")
    when: OptionalWhen = None


TRACE_PLACEHOLDERS: dict[str, set[str]] = {
    "offence_made_out": {"offence", "elements"},
    "offence_not_made_out": {"offence", "elements"},
    "element_met": {"element", "because"},
    "element_missing": {"element", "because"},
    "not_in_force": {"offence", "in_force_from", "conduct_date"},
    "other_law": {"offence", "jurisdictions", "nations"},
    "time_limit": {"offence", "charge_by", "months", "runs_from", "start", "absolute"},
    "out_of_time": {"offence", "last_day", "months", "runs_from", "start", "absolute"},
    "absolute_limit": {"years", "last_day"},
    "consent": {"offence", "consent"},
    "cps_category": {"category", "label", "offences"},
    "no_cps_category": set(),
    "incident_date_unknown": {"received"},
    "priority_none_higher": set(),
}
TraceTexts = dict[Literal[tuple(TRACE_PLACEHOLDERS)], str]  # type: ignore[misc]


def _check_placeholders(text: str, allowed: set[str], path: str) -> None:
    try:
        allowing(*allowed)(text)
    except ValueError as error:
        raise PathError(path, str(error)) from None


class AssessmentPolicy(_Strict):
    """The whole assessment policy; `labels()` gives the words the engine writes the trace with."""

    version: str
    title: str
    vocabulary: Vocabulary
    findings: dict[Name, str]
    monitored_strands: list[Strand] = Field(min_length=1)
    law: Law
    time_limit_starts: dict[RunsFrom, str]
    cps_categories: dict[Annotated[int, Field(ge=1, le=4)], CpsCategory]
    offences: list[Offence] = Field(min_length=1)
    classification: Classification
    nchi: Nchi
    priorities: list[Priority] = Field(min_length=1)
    trace: TraceTexts

    @model_validator(mode="after")
    def _whole_policy(self) -> AssessmentPolicy:
        _require_keys(self.time_limit_starts, RunsFrom.__args__, "time_limit_starts")
        _require_keys(self.cps_categories, (1, 2, 3, 4), "cps_categories")
        _require_keys(self.trace, tuple(TRACE_PLACEHOLDERS), "trace")
        for key, text in self.trace.items():
            _check_placeholders(text, TRACE_PLACEHOLDERS[key], f"trace.{key}")
        for i, priority in enumerate(self.priorities):
            last = i == len(self.priorities) - 1
            if (priority.when is None) != last:
                reason = "every priority but the last needs `when`; the last is the fallback and has none"
                raise PathError(f"priorities[{i}].when", reason)
        ids: list[str] = []
        for i, offence in enumerate(self.offences):
            if offence.id in ids:
                raise PathError(f"offences[{i}].id", f"offence '{offence.id}' appears twice")
            for j, element in enumerate(offence.elements):
                self._check_names(element.when, f"offences[{i}].elements[{j}].when", earlier=ids)
            ids.append(offence.id)
        for path, condition in self._other_conditions():
            self._check_names(condition, path, earlier=ids)
        return self

    def _other_conditions(self) -> list[tuple[str, Condition]]:
        found = [("nchi.hate_perceived.when", self.nchi.hate_perceived.when)]
        found += [(f"nchi.do_not_record[{i}].when", rule.when) for i, rule in enumerate(self.nchi.do_not_record)]
        found.append(("nchi.subject_data.keep.when", self.nchi.subject_data.keep.when))
        found.append(("nchi.subject_notice.withhold.when", self.nchi.subject_notice.withhold.when))
        found += [(f"priorities[{i}].when", p.when) for i, p in enumerate(self.priorities) if p.when is not None]
        return found

    def _check_names(self, condition: Condition, path: str, *, earlier: list[str]) -> None:
        for leaf_path, leaf in iter_leaves(condition, path):
            for k, name in enumerate(leaf.value if isinstance(leaf.value, tuple) else ()):
                if leaf.op == "any_finding" and name not in self.findings:
                    raise PathError(f"{leaf_path}[{k}]", f"unknown finding '{name}' (declare it under `findings`)")
                if leaf.op == "offence_complete" and name not in earlier:
                    raise PathError(f"{leaf_path}[{k}]", f"'{name}' is not an offence listed earlier in the file")

    def labels(self, complete_offences: frozenset[str] = frozenset()) -> Labels:
        """Return the plain-English labels, with the offences already made out for offence_complete."""
        known = self._remembered.labels
        found = known.get(complete_offences)
        if found is None:
            found = known[complete_offences] = Labels(
                indicators=self.vocabulary.indicators,
                findings=self.findings,
                strands=self.vocabulary.strands,
                content_kinds=self.vocabulary.content_kinds,
                offences={offence.id: offence.label for offence in self.offences},
                complete_offences=complete_offences,
            )
        return found

    def evaluate(self, condition: Condition, facts: CaseFacts, complete_offences: frozenset[str] = frozenset()) -> Outcome:
        """Return `conditions.evaluate` of one of this policy's conditions, with its labels.

        Outcomes are remembered by the facts the condition's leaves read: most cases agree on them, and a batch of
        intake assesses hundreds of cases against the same few dozen conditions.
        """
        known = self._remembered.conditions.get(id(condition))
        if known is None or known.condition is not condition:
            known = self._remembered.conditions[id(condition)] = _Known(
                condition, fact_readers(condition), reads_offences(condition))
        key = (complete_offences if known.reads_offences else None, *(read(facts) for read in known.readers))
        found = known.outcomes.get(key)
        if found is None:
            found = known.outcomes[key] = evaluate(condition, facts, self.labels(complete_offences))
            self._remembered.count_outcome()
        return found

    @cached_property
    def _remembered(self) -> _Remembered:
        return _Remembered()


# Bounds the memory (about 8 MB, 390 bytes an outcome): loading 30,000 generated reports remembers 14,600 outcomes, as each audience
# figure, say, makes its own; past the bound they are forgotten and worked out again.
_REMEMBERED_OUTCOMES = 20_000


@dataclass
class _Known:
    """One condition of the policy, what its outcome depends on, and the outcomes worked out so far."""

    condition: Condition  # held, so that its id is not reused while it is remembered
    readers: tuple[Callable[[CaseFacts], Any], ...]
    reads_offences: bool
    outcomes: dict[tuple[Any, ...], Outcome] = field(default_factory=dict)


@dataclass
class _Remembered:
    """What a policy has worked out already: labels per set of offences made out, and its conditions' outcomes.

    Not part of the policy's value (pydantic compares fields only), and safe across threads: at worst two threads
    work out the same outcome.
    """

    labels: dict[frozenset[str], Labels] = field(default_factory=dict)
    conditions: dict[int, _Known] = field(default_factory=dict)
    outcomes: int = 0

    def count_outcome(self) -> None:
        """Count one more outcome remembered; past the bound, forget them all (and the labels)."""
        self.outcomes += 1
        if self.outcomes > _REMEMBERED_OUTCOMES:
            for known in list(self.conditions.values()):
                known.outcomes.clear()
            self.labels.clear()
            self.outcomes = 0


def _require_keys(mapping: dict[Any, Any], keys: tuple[Any, ...], path: str) -> None:
    missing = [str(key) for key in keys if key not in mapping]
    if missing:
        raise PathError(path, f"missing entries: {', '.join(missing)}")


def parse_assessment_policy(data: Any, *, source: str = "assessment policy") -> AssessmentPolicy:
    """Return the validated policy from already-parsed YAML data; raises PolicyError naming the YAML path."""
    return validate_policy(AssessmentPolicy, data, source=source)


def load_assessment_policy(path: str | Path) -> AssessmentPolicy:
    """Return the validated assessment policy read from a YAML file; raises PolicyError naming the YAML path."""
    return parse_assessment_policy(read_policy_file(path), source=str(path))


__all__ = ["AssessmentPolicy", "Offence", "load_assessment_policy", "parse_assessment_policy"]
