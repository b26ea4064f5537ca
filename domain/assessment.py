"""Assess a case against the assessment policy: crime, NCHI or no record; offences; CPS category; priority.

Pure: the facts and the policy go in, an `Assessment` with a plain-words trace comes out. `diff` and
`apply_overrides` (re-exported from `domain.review`) compare assessments and record officers' decisions.
"""

from __future__ import annotations

from datetime import date

from .conditions import Outcome
from .facts import CaseFacts
from .offences import evaluate_offences, law_nations
from .policy import AssessmentPolicy
from .results import Assessment, CandidateOffence, Override
from .review import apply_overrides, diff


def assess(facts: CaseFacts, policy: AssessmentPolicy, *, today: date) -> Assessment:
    """Return the machine assessment of a case under the policy, with the trace of every rule applied."""
    unknown = sorted(facts.findings - set(policy.findings))
    if unknown:
        raise ValueError(f"CaseFacts {facts.case_id}: findings {unknown} are not in the policy's findings")
    nations, law_line = law_nations(facts, policy)
    offences, offence_lines = evaluate_offences(facts, policy, nations=nations, today=today)
    trace = [law_line, *offence_lines]

    classification, rule, classification_reason = _classify(facts, policy, offences)
    trace.append(classification_reason)
    cps_category, line = _cps_category(offences, policy)
    trace.append(line)
    priority, priority_rule, priority_reason = _priority(facts, policy)
    trace.append(priority_reason)

    keep = policy.evaluate(policy.nchi.subject_data.keep.when, facts)
    withhold = policy.evaluate(policy.nchi.subject_notice.withhold.when, facts)
    if classification == "nchi":
        data_rule = policy.nchi.subject_data.keep if keep.met else policy.nchi.subject_data.do_not_keep
        notice_rule = policy.nchi.subject_notice.withhold if withhold.met else policy.nchi.subject_notice.tell
        trace.append(data_rule.explain.format(because=keep.because))
        trace.append(notice_rule.explain.format(because=withhold.because))

    return Assessment(
        case_id=facts.case_id,
        policy_version=policy.version,
        assessed_on=today,
        law_nations=nations,
        classification=classification,
        classification_rule=rule,
        classification_reason=classification_reason,
        offences=offences,
        cps_category=cps_category,
        priority=priority,
        priority_rule=priority_rule,
        priority_reason=priority_reason,
        nchi_keep_subject_data=keep.met,
        nchi_subject_notice="withhold" if withhold.met else "tell",
        trace=tuple(trace),
    )


def _classify(
    facts: CaseFacts, policy: AssessmentPolicy, offences: tuple[CandidateOffence, ...]
) -> tuple[str, str, str]:
    texts = policy.classification
    made_out = [offence.label for offence in offences if offence.complete and offence.kind == "offence"]
    if made_out:
        return "crime", "crime", texts.crime.explain.format(offences="; ".join(made_out))
    perceived = policy.evaluate(policy.nchi.hate_perceived.when, facts)
    if not perceived.met:
        return "no_record", "not_hate", texts.not_hate.explain.format(because=perceived.because)
    if not policy.nchi.enabled:
        return "no_record", "nchi_switched_off", texts.nchi_switched_off.explain.format(because=perceived.because)
    for rule in policy.nchi.do_not_record:
        outcome: Outcome = policy.evaluate(rule.when, facts)
        if outcome.met:
            line = texts.below_nchi_threshold.explain.format(rule=rule.explain, because=outcome.because)
            return "no_record", rule.name, line
    return "nchi", "nchi", texts.nchi.explain.format(because=perceived.because)


def _cps_category(offences: tuple[CandidateOffence, ...], policy: AssessmentPolicy) -> tuple[int | None, str]:
    categorised = [o for o in offences if o.complete and o.cps_category is not None]
    if not categorised:
        return None, policy.trace["no_cps_category"]
    category = min(o.cps_category for o in categorised if o.cps_category is not None)
    named = "; ".join(o.label for o in categorised if o.cps_category == category)
    line = policy.trace["cps_category"].format(
        category=category, label=policy.cps_categories[category].label, offences=named
    )
    return category, line


def _priority(facts: CaseFacts, policy: AssessmentPolicy) -> tuple[str, str, str]:
    for priority in policy.priorities:
        if priority.when is None:
            because = policy.trace["priority_none_higher"]
            return priority.level, priority.name, priority.explain.format(because=because)
        outcome = policy.evaluate(priority.when, facts)
        if outcome.met:
            return priority.level, priority.name, priority.explain.format(because=outcome.because)
    raise AssertionError("the policy guarantees a fallback priority")  # validated at load


__all__ = ["Assessment", "CandidateOffence", "Override", "apply_overrides", "assess", "diff"]
