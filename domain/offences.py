"""Which offences apply to a case, which of their elements are met, and their time limits."""

from __future__ import annotations

from calendar import monthrange
from dataclasses import dataclass
from datetime import date, timedelta

from .facts import CaseFacts
from .policy import AssessmentPolicy, Offence, TimeLimit
from .results import CandidateOffence


def add_months(start: date, months: int) -> date:
    """Return the same day `months` calendar months later, or the month's last day when it is shorter."""
    year, month = divmod(start.month - 1 + months, 12)
    year, month = start.year + year, month + 1
    return date(year, month, min(start.day, monthrange(year, month)[1]))


def conduct_date(facts: CaseFacts) -> date:
    """Return the date of the latest reported conduct (the report date when no incident date was given)."""
    return (facts.latest_incident_at or facts.earliest_incident_at or facts.first_received_at).date()


def _offence_date(facts: CaseFacts) -> date:
    return (facts.earliest_incident_at or facts.latest_incident_at or facts.first_received_at).date()


def law_nations(facts: CaseFacts, policy: AssessmentPolicy) -> tuple[tuple[str, ...], str]:
    """Return the nations whose law is considered (the victims', else the default) and the trace line."""
    nations = tuple(n for n in policy.vocabulary.nations if n in facts.victim_nations)
    template = policy.law.explain
    if not nations:
        nations, template = tuple(policy.law.default_nations), policy.law.default_explain
    return nations, template.format(nations=_join([policy.vocabulary.nations[n] for n in nations]))


def _join(words: list[str], joiner: str = "and") -> str:
    return words[0] if len(words) == 1 else ", ".join(words[:-1]) + f" {joiner} " + words[-1]


@dataclass(frozen=True)
class Deadline:
    """A summary-only time limit worked out: the safe date to charge by, and the last possible day."""

    charge_by: date
    last_day: date
    start: date
    absolute: str


def deadline(limit: TimeLimit, facts: CaseFacts, policy: AssessmentPolicy) -> Deadline:
    """Return the charge-by date and the last possible day for a summary-only offence on these facts."""
    start = {
        "earliest_incident": _offence_date(facts),
        "latest_incident": conduct_date(facts),
        "evidence_to_prosecutor": facts.first_received_at.date(),
    }[limit.runs_from]
    inclusive = timedelta(days=1 if limit.begins_with_start_day else 0)
    charge_by = add_months(start, limit.months) - inclusive
    if limit.absolute_max_years is None:
        return Deadline(charge_by, charge_by, start, "")
    last_day = add_months(_offence_date(facts), 12 * limit.absolute_max_years) - inclusive
    absolute = policy.trace["absolute_limit"].format(years=limit.absolute_max_years, last_day=last_day.isoformat())
    return Deadline(min(charge_by, last_day), last_day, start, absolute)


def evaluate_offences(
    facts: CaseFacts, policy: AssessmentPolicy, *, nations: tuple[str, ...], today: date
) -> tuple[tuple[CandidateOffence, ...], list[str]]:
    """Return the offences that apply (in force, in the victims' law) with their elements, and the trace lines."""
    trace = policy.trace
    lines: list[str] = []
    if facts.earliest_incident_at is None and facts.latest_incident_at is None:
        lines.append(trace["incident_date_unknown"].format(received=facts.first_received_at.date().isoformat()))
    candidates: list[CandidateOffence] = []
    complete: set[str] = set()
    when = conduct_date(facts)
    for offence in policy.offences:
        if not set(offence.jurisdictions) & set(nations):
            names = _join([policy.vocabulary.nations[n] for n in offence.jurisdictions])
            here = _join([policy.vocabulary.nations[n] for n in nations])
            lines.append(trace["other_law"].format(offence=offence.label, jurisdictions=names, nations=here))
            continue
        if offence.in_force_from > when:
            lines.append(
                trace["not_in_force"].format(
                    offence=offence.label,
                    in_force_from=offence.in_force_from.isoformat(),
                    conduct_date=when.isoformat(),
                )
            )
            continue
        candidate, offence_lines = _consider(offence, facts, policy, frozenset(complete), today)
        if candidate.complete:
            complete.add(offence.id)
        candidates.append(candidate)
        lines += offence_lines
    return tuple(candidates), lines


def _consider(
    offence: Offence, facts: CaseFacts, policy: AssessmentPolicy, complete: frozenset[str], today: date
) -> tuple[CandidateOffence, list[str]]:
    trace = policy.trace
    met: list[str] = []
    missing: list[str] = []
    words: list[str] = []
    for element in offence.elements:
        outcome = policy.evaluate(element.when, facts, complete)
        (met if outcome.met else missing).append(element.name)
        template = trace["element_met"] if outcome.met else trace["element_missing"]
        words.append(template.format(element=element.explain, because=outcome.because))
    made_out = not missing
    verdict = trace["offence_made_out"] if made_out else trace["offence_not_made_out"]
    lines = [verdict.format(offence=offence.label, elements="; ".join(words))]
    charge_by, out_of_time = None, False
    if offence.time_limit is not None:
        limit = deadline(offence.time_limit, facts, policy)
        charge_by, out_of_time = limit.charge_by, today > limit.last_day
        if made_out:
            template = trace["out_of_time"] if out_of_time else trace["time_limit"]
            lines.append(
                template.format(
                    offence=offence.label,
                    charge_by=limit.charge_by.isoformat(),
                    last_day=limit.last_day.isoformat(),
                    months=offence.time_limit.months,
                    runs_from=policy.time_limit_starts[offence.time_limit.runs_from],
                    start=limit.start.isoformat(),
                    absolute=limit.absolute,
                )
            )
    if made_out and offence.consent:
        lines.append(trace["consent"].format(offence=offence.label, consent=offence.consent))
    candidate = CandidateOffence(
        id=offence.id,
        statute=offence.statute,
        section=offence.section,
        title=offence.title,
        kind=offence.kind,
        summary_only=offence.summary_only,
        elements_met=tuple(met),
        elements_missing=tuple(missing),
        complete=made_out,
        cps_category=offence.cps_category,
        charge_by=charge_by,
        out_of_time=out_of_time,
        consent=offence.consent,
    )
    return candidate, lines
