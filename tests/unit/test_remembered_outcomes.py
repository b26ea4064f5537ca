"""The policy remembers its conditions' outcomes by the facts they read: it must never answer for other facts."""

from __future__ import annotations

import random
from datetime import date, datetime, timedelta, timezone
from pathlib import Path

import pytest

import domain.policy
from domain.assessment import assess
from domain.conditions import Condition, evaluate
from domain.facts import CONTENT_KINDS, INDICATORS, STRANDS, CaseFacts
from domain.policy import AssessmentPolicy, load_assessment_policy

POLICY_FILE = Path(__file__).resolve().parents[2] / "policies" / "assessment.yaml"
START = datetime(2024, 3, 1, 9, 0, tzinfo=timezone.utc)


def fresh_policy() -> AssessmentPolicy:
    return load_assessment_policy(POLICY_FILE)


def conditions(policy: AssessmentPolicy) -> list[Condition]:
    """Every condition the engine evaluates: offence elements, classification, NCHI and priority rules."""
    found = [element.when for offence in policy.offences for element in offence.elements]
    found.append(policy.nchi.hate_perceived.when)
    found += [rule.when for rule in policy.nchi.do_not_record]
    found += [policy.nchi.subject_data.keep.when, policy.nchi.subject_notice.withhold.when]
    return found + [priority.when for priority in policy.priorities if priority.when is not None]


def random_facts(rng: random.Random, policy: AssessmentPolicy, n: int) -> list[CaseFacts]:
    """Cases that vary every fact over a few values, so that many of them agree on all but one fact."""
    def some(values: tuple[str, ...] | list[str], most: int) -> frozenset[str]:
        return frozenset(rng.sample(list(values), rng.randint(0, most)))

    cases = []
    for i in range(n):
        incident = START + timedelta(days=rng.randint(0, 400))
        cases.append(CaseFacts(
            case_id=f"case-{i}", report_count=rng.randint(1, 4), first_received_at=incident + timedelta(days=2),
            strands=some(STRANDS, 2), indicators=some(INDICATORS, 2), content_kinds=some(CONTENT_KINDS, 2),
            platforms=frozenset({"X"}), max_occasions_by_one_account=rng.randint(0, 3),
            max_audience=rng.choice([None, 50, 5_000, 250_000]), public_content=rng.random() < 0.5,
            victim_count=rng.randint(0, 2), vulnerable_victim=rng.random() < 0.3, under_18_victim=rng.random() < 0.2,
            victim_nations=frozenset({rng.choice(["england", "wales", "scotland", "abroad"])}),
            subject_identified=rng.random() < 0.5, findings=some(list(policy.findings), 2),
            earliest_incident_at=incident if rng.random() < 0.8 else None,
            latest_incident_at=incident + timedelta(days=rng.randint(0, 30)) if rng.random() < 0.5 else None,
        ))
    return cases


def test_every_remembered_outcome_is_the_one_worked_out_afresh() -> None:
    policy = fresh_policy()
    offence_sets = [frozenset(), frozenset(o.id for o in policy.offences[:3]), frozenset({policy.offences[0].id})]
    checked = 0
    for facts in random_facts(random.Random(7), policy, 300):
        for condition in conditions(policy):
            for complete in offence_sets:
                remembered = policy.evaluate(condition, facts, complete)
                assert remembered == evaluate(condition, facts, policy.labels(complete)), (condition, facts)
                checked += 1
    remembered_now = sum(len(known.outcomes) for known in policy._remembered.conditions.values())
    assert remembered_now < checked / 5  # the facts did share outcomes: the memory was used


def test_assessments_match_those_of_a_policy_that_remembers_nothing(monkeypatch: pytest.MonkeyPatch) -> None:
    policy, today = fresh_policy(), date(2025, 1, 15)
    cases = random_facts(random.Random(11), policy, 300)
    with monkeypatch.context() as patch:
        patch.setattr(domain.policy, "_REMEMBERED_OUTCOMES", 0)  # every outcome forgotten as soon as worked out
        afresh = [assess(facts, policy, today=today).to_dict() for facts in cases]
    assert [assess(facts, policy, today=today).to_dict() for facts in cases] == afresh


def test_the_memory_is_bounded(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(domain.policy, "_REMEMBERED_OUTCOMES", 50)
    policy = fresh_policy()
    for facts in random_facts(random.Random(3), policy, 200):
        for condition in conditions(policy):
            policy.evaluate(condition, facts)
    assert sum(len(known.outcomes) for known in policy._remembered.conditions.values()) <= 50


def test_what_a_policy_remembers_is_not_part_of_its_value() -> None:
    used, unused = fresh_policy(), fresh_policy()
    used.evaluate(used.nchi.hate_perceived.when, random_facts(random.Random(1), used, 1)[0])
    assert used == unused
