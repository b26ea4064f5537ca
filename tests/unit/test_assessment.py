"""The assessment policy and engine: every offence, classification rule, priority and NCHI rule, table-driven."""

from __future__ import annotations

import json
import re
from datetime import date, datetime, timedelta, timezone
from pathlib import Path
from typing import Any

import pytest
import yaml

from domain.assessment import Override, apply_overrides, assess, diff
from domain.conditions import Outcome, PathError, evaluate, parse_condition
from domain.facts import CaseFacts
from domain.offences import add_months
from domain.policy import AssessmentPolicy, load_assessment_policy, parse_assessment_policy
from domain.policy_files import PolicyError

ROOT = Path(__file__).resolve().parents[2]
POLICY_FILE = ROOT / "policies" / "assessment.yaml"
TODAY = date(2024, 6, 10)
INCIDENT = datetime(2024, 6, 1, 14, 30, tzinfo=timezone.utc)


@pytest.fixture(scope="module")
def policy() -> AssessmentPolicy:
    return load_assessment_policy(POLICY_FILE)


def facts(**changes: Any) -> CaseFacts:
    """A case in England with one identified victim and one public post, changed as the test needs."""
    values: dict[str, Any] = {
        "case_id": "case-1",
        "report_count": 1,
        "first_received_at": INCIDENT + timedelta(days=1),
        "content_kinds": frozenset({"post"}),
        "platforms": frozenset({"x"}),
        "max_occasions_by_one_account": 1,
        "public_content": True,
        "victim_count": 1,
        "victim_nations": frozenset({"england"}),
        "earliest_incident_at": INCIDENT,
        "latest_incident_at": INCIDENT,
    }
    for key, value in changes.items():
        values[key] = frozenset(value) if isinstance(value, set) else value
    return CaseFacts(**values)


def made_out(assessment: Any) -> set[str]:
    return {o.id for o in assessment.complete_offences}


# --- every offence is made out by some facts (and a new offence without a row here fails the coverage test) ---
MAKES_OUT: dict[str, dict[str, Any]] = {
    "mca1988_s1_grossly_offensive": {"findings": {"grossly_offensive"}, "content_kinds": {"direct_message"}},
    "mca1988_s1_threat": {"indicators": {"threat_of_violence"}, "content_kinds": {"reply"}},
    "ca2003_s127_grossly_offensive": {"findings": {"indecent_or_obscene"}},
    "ca2003_s127_menacing": {"indicators": {"sexual_threat"}},
    "osa2023_s181": {"findings": {"threat_of_serious_harm", "intent_to_cause_fear"}},
    "osa2023_s179": {"findings": {"knowingly_false", "intent_to_cause_harm"}},
    "poa1986_s4": {"indicators": {"threat_of_violence", "victim_fears_violence"}},
    "poa1986_s4a": {"findings": {"insulting", "purpose_to_cause_distress"}, "indicators": {"victim_distressed"}},
    "poa1986_s5": {"findings": {"abusive"}, "indicators": {"victim_distressed"}, "victim_count": 0},
    "poa1986_part3": {"strands": {"race"}, "findings": {"insulting"}, "indicators": {"incitement"}, "max_audience": 5000},
    "poa1986_part3a": {"strands": {"sexual_orientation"}, "indicators": {"threat_of_violence"}, "findings": {"intent_to_stir_up_hatred"}},
    "pha1997_s2": {"max_occasions_by_one_account": 2, "indicators": {"victim_distressed"}},
    "pha1997_s2a": {"indicators": {"repeated_contact", "personal_details_published"}},
    "pha1997_s4": {"max_occasions_by_one_account": 3, "indicators": {"victim_fears_violence", "threat_of_violence"}},
    "pha1997_s4a": {"max_occasions_by_one_account": 2, "findings": {"stalking_behaviour"}, "indicators": {"victim_fears_violence"}},
    "pha1997_s5_breach": {"findings": {"court_order_in_force"}},
    "cda1998_s31": {"strands": {"religion"}, "findings": {"abusive"}, "indicators": {"victim_distressed"}},
    "cda1998_s32": {"strands": {"race"}, "max_occasions_by_one_account": 2, "indicators": {"victim_distressed"}},
    "hcpo2021_s4": {"victim_nations": {"scotland"}, "strands": {"disability"}, "findings": {"abusive", "intent_to_stir_up_hatred"}},
    "sa2020_s66": {"strands": {"transgender"}, "findings": {"grossly_offensive"}},
    "hcpo2021_s1": {"victim_nations": {"scotland"}, "strands": {"sexual_orientation"}, "indicators": {"threat_to_kill"}},
}


def test_every_offence_in_the_policy_has_a_row(policy: AssessmentPolicy) -> None:
    assert set(MAKES_OUT) == {offence.id for offence in policy.offences}


@pytest.mark.parametrize(("offence_id", "changes"), list(MAKES_OUT.items()), ids=list(MAKES_OUT))
def test_each_offence_is_made_out_when_all_its_elements_are_met(policy, offence_id, changes) -> None:
    result = assess(facts(**changes), policy, today=TODAY)
    offence = result.offence(offence_id)
    assert offence is not None and offence.complete, result.trace
    assert offence.elements_missing == ()
    assert result.classification == "crime"
    assert any(line.startswith(f"{offence.label}: made out") for line in result.trace)


@pytest.mark.parametrize("offence_id", list(MAKES_OUT))
def test_no_offence_is_made_out_on_a_bare_report(policy, offence_id) -> None:
    result = assess(facts(victim_nations={"england", "scotland"}), policy, today=TODAY)
    offence = result.offence(offence_id)
    assert offence is not None and not offence.complete and offence.elements_missing


# --- the named scenarios ---
def test_threat_to_kill_is_a_crime_under_osa_s181_at_p1_cps_1(policy) -> None:
    result = assess(facts(indicators={"threat_to_kill"}, content_kinds={"direct_message"}, public_content=False), policy, today=TODAY)
    assert result.classification == "crime" and result.classification_rule == "crime"
    assert "osa2023_s181" in made_out(result)
    assert (result.priority, result.priority_rule, result.cps_category) == ("P1", "threat_to_life", 1)
    assert "the reporter says the material threatens to kill" in result.priority_reason
    assert result.keep_subject_data is True and result.subject_notice is None
    line = next(line for line in result.trace if line.startswith("Threatening communications (Online Safety Act 2023 s181): made out"))
    assert "it threatens death or serious harm — met: the reporter says the material threatens to kill" in line


def test_grossly_offensive_public_post_is_s127_and_mca_s1_cps_4(policy) -> None:
    changes = {"strands": {"religion"}, "findings": {"grossly_offensive", "purpose_to_cause_distress"}, "victim_count": 0}
    result = assess(facts(**changes), policy, today=TODAY)
    assert {"ca2003_s127_grossly_offensive", "mca1988_s1_grossly_offensive", "sa2020_s66"} <= made_out(result)
    assert result.cps_category == 4 and result.priority == "P4"
    assert any(line.startswith("CPS social media category 4 (grossly offensive") for line in result.trace)


@pytest.mark.parametrize(("occasions", "complete"), [(1, False), (2, True), (5, True)])
def test_harassment_needs_two_occasions(policy, occasions, complete) -> None:
    result = assess(facts(max_occasions_by_one_account=occasions, indicators={"victim_distressed"}), policy, today=TODAY)
    harassment = result.offence("pha1997_s2")
    assert harassment.complete is complete
    assert ("course_of_conduct" in harassment.elements_missing) is not complete
    if not complete:
        assert any("a course of conduct on two or more occasions — missing: the most items one account sent" in line for line in result.trace)


@pytest.mark.parametrize(
    ("strands", "aggravated", "s66"),
    [({"race"}, True, True), ({"religion"}, True, True), ({"disability"}, False, True), (set(), False, False)],
)
def test_racially_or_religiously_aggravated_form(policy, strands, aggravated, s66) -> None:
    result = assess(facts(strands=strands, max_occasions_by_one_account=2, indicators={"victim_distressed"}), policy, today=TODAY)
    assert ("cda1998_s32" in made_out(result)) is aggravated
    assert ("sa2020_s66" in made_out(result)) is s66
    assert result.offence("cda1998_s32").cps_category is None  # the underlying offence's category applies
    assert result.cps_category == 2


NCHI = {"strands": {"race"}, "findings": {"abusive"}, "victim_count": 0}


@pytest.mark.parametrize(
    ("changes", "keep", "notice"),
    [
        ({}, False, "tell"),
        ({"indicators": {"incitement"}}, True, "tell"),
        ({"max_occasions_by_one_account": 2}, True, "tell"),
        ({"findings": {"abusive", "risk_of_significant_harm"}}, True, "tell"),
        ({"vulnerable_victim": True, "victim_count": 1}, True, "withhold"),
        ({"under_18_victim": True, "victim_count": 1}, True, "withhold"),
        ({"findings": {"abusive", "notice_puts_complainant_at_risk"}}, False, "withhold"),
    ],
    ids=["below-threshold", "incitement", "repeated-items", "officer-risk", "vulnerable", "under-18", "risk-to-complainant"],
)
def test_nchi_subject_data_threshold_and_notice(policy, changes, keep, notice) -> None:
    result = assess(facts(**{**NCHI, **changes}), policy, today=TODAY)
    assert result.classification == "nchi", result.trace
    assert result.keep_subject_data is keep and result.nchi_keep_subject_data is keep
    assert result.subject_notice == notice
    kept_line = "Keep the subject's personal data" if keep else "Do not keep the subject's personal data"
    assert any(line.startswith(kept_line) for line in result.trace)
    told_line = "Do not tell the subject yet" if notice == "withhold" else "Tell the subject"
    assert any(line.startswith(told_line) for line in result.trace)


@pytest.mark.parametrize(
    ("changes", "rule"),
    [
        ({}, "not_hate"),  # trivial: no indicators at all, no strand
        ({"strands": {"other"}, "findings": {"abusive"}}, "not_hate"),  # not a monitored strand
        ({"strands": {"race"}}, "no_basis_for_hostility"),
        ({"strands": {"race"}, "indicators": {"victim_distressed"}}, "no_basis_for_hostility"),
        ({"strands": {"race"}, "findings": {"abusive", "malicious_or_irrational_report"}}, "malicious_or_irrational"),
        ({"strands": {"race"}, "findings": {"abusive", "lawful_expression_only"}}, "lawful_expression_only"),
    ],
)
def test_no_record(policy, changes, rule) -> None:
    result = assess(facts(victim_count=0, **changes), policy, today=TODAY)
    assert (result.classification, result.classification_rule) == ("no_record", rule)
    assert result.keep_subject_data is False and result.subject_notice is None
    assert result.classification_reason.startswith("No record")


def test_nchi_switched_off_gives_no_record(policy) -> None:
    switched_off = policy.model_copy(update={"nchi": policy.nchi.model_copy(update={"enabled": False})})
    assert assess(facts(**NCHI), policy, today=TODAY).classification == "nchi"
    result = assess(facts(**NCHI), switched_off, today=TODAY)
    assert (result.classification, result.classification_rule) == ("no_record", "nchi_switched_off")
    assert "does not record non-crime hate incidents" in result.classification_reason


def test_a_crime_stays_a_crime_when_nchi_is_switched_off(policy) -> None:
    switched_off = policy.model_copy(update={"nchi": policy.nchi.model_copy(update={"enabled": False})})
    assert assess(facts(indicators={"threat_to_kill"}), switched_off, today=TODAY).classification == "crime"


@pytest.mark.parametrize(
    ("changes", "level", "rule"),
    [
        ({"indicators": {"threat_to_kill", "threat_of_violence"}}, "P1", "threat_to_life"),
        ({"indicators": {"threat_of_violence"}}, "P2", "serious_threat_doxxing_or_vulnerable_victim"),
        ({"indicators": {"sexual_threat"}}, "P2", "serious_threat_doxxing_or_vulnerable_victim"),
        ({"indicators": {"personal_details_published"}}, "P2", "serious_threat_doxxing_or_vulnerable_victim"),
        ({"vulnerable_victim": True}, "P2", "serious_threat_doxxing_or_vulnerable_victim"),
        ({"under_18_victim": True}, "P2", "serious_threat_doxxing_or_vulnerable_victim"),
        ({"max_occasions_by_one_account": 2}, "P3", "course_of_conduct"),
        ({"indicators": {"repeated_contact"}}, "P3", "course_of_conduct"),
        ({"indicators": {"victim_distressed"}}, "P4", "other"),
    ],
)
def test_priorities_in_order(policy, changes, level, rule) -> None:
    result = assess(facts(**changes), policy, today=TODAY)
    assert (result.priority, result.priority_rule) == (level, rule)
    assert result.priority_reason.startswith(level) and result.priority_reason in result.trace


@pytest.mark.parametrize(
    ("changes", "category"),
    [
        ({"indicators": {"threat_to_kill"}}, 1),
        ({"max_occasions_by_one_account": 2, "indicators": {"victim_distressed"}}, 2),
        ({"findings": {"court_order_in_force", "grossly_offensive"}}, 3),
        ({"findings": {"grossly_offensive"}}, 4),
        ({"strands": {"race"}, "findings": {"insulting", "intent_to_stir_up_hatred"}, "victim_count": 0}, None),
    ],
)
def test_cps_category_is_the_most_serious_made_out(policy, changes, category) -> None:
    result = assess(facts(**changes), policy, today=TODAY)
    assert result.classification == "crime" and result.cps_category == category
    if category is None:
        assert policy.trace["no_cps_category"] in result.trace
        assert any("consent of the Attorney General" in line for line in result.trace)


# --- time limits ---
def test_summary_offence_seven_months_old_is_out_of_time(policy) -> None:
    when = datetime(2023, 11, 10, 9, 0, tzinfo=timezone.utc)  # 7 months before TODAY
    changes = {"earliest_incident_at": when, "latest_incident_at": when, "first_received_at": when}
    result = assess(facts(max_occasions_by_one_account=2, indicators={"victim_distressed"}, **changes), policy, today=TODAY)
    harassment = result.offence("pha1997_s2")
    assert harassment.complete and harassment.summary_only and harassment.out_of_time
    assert harassment.charge_by == date(2024, 5, 10) < TODAY
    assert any(line.startswith("Harassment (Protection from Harassment Act 1997 s2): out of time") for line in result.trace)
    assert result.classification == "crime"  # recording does not depend on the time limit
    assert result.offence("pha1997_s4").charge_by is None  # either way: no limit


def test_s127_runs_from_the_evidence_with_a_three_year_absolute_limit(policy) -> None:
    when = datetime(2023, 11, 10, 9, 0, tzinfo=timezone.utc)
    recent = assess(facts(indicators={"threat_of_violence"}, earliest_incident_at=when, latest_incident_at=when, first_received_at=when), policy, today=TODAY)
    menacing = recent.offence("ca2003_s127_menacing")
    assert menacing.charge_by == date(2024, 5, 9)  # six months beginning with the day of the first report
    assert not menacing.out_of_time  # the prosecutor may have had sufficient evidence later, within 3 years
    assert any("never more than 3 years after the offence, 2026-11-09" in line for line in recent.trace)
    old = datetime(2020, 3, 1, tzinfo=timezone.utc)
    late = assess(facts(indicators={"threat_of_violence"}, earliest_incident_at=old, latest_incident_at=old, first_received_at=datetime(2023, 2, 1, tzinfo=timezone.utc)), policy, today=TODAY)
    assert late.offence("ca2003_s127_menacing").charge_by == date(2023, 2, 28)  # the absolute limit comes first
    assert late.offence("ca2003_s127_menacing").out_of_time


def test_course_of_conduct_limit_runs_from_the_latest_incident(policy) -> None:
    first, last = datetime(2023, 10, 1, tzinfo=timezone.utc), datetime(2024, 5, 20, tzinfo=timezone.utc)
    result = assess(facts(max_occasions_by_one_account=2, indicators={"victim_distressed"}, earliest_incident_at=first, latest_incident_at=last), policy, today=TODAY)
    assert result.offence("pha1997_s2").charge_by == date(2024, 11, 20)
    assert result.offence("poa1986_s4a").charge_by == date(2024, 4, 1)  # a single act: from the earliest incident


def test_unknown_incident_date_counts_from_the_first_report(policy) -> None:
    result = assess(facts(earliest_incident_at=None, latest_incident_at=None, indicators={"threat_of_violence"}), policy, today=TODAY)
    assert any(line.startswith("No incident date was reported") for line in result.trace)
    assert result.offence("poa1986_s5").charge_by == date(2024, 12, 2)


@pytest.mark.parametrize(
    ("start", "months", "expected"),
    [(date(2024, 1, 15), 6, date(2024, 7, 15)), (date(2023, 8, 31), 6, date(2024, 2, 29)), (date(2024, 11, 30), 3, date(2025, 2, 28))],
)
def test_add_months(start, months, expected) -> None:
    assert add_months(start, months) == expected


# --- whose law, and commencement ---
def test_scotland_victim_gets_the_scottish_act_not_the_public_order_act(policy) -> None:
    changes = {"victim_nations": {"scotland"}, "strands": {"race"}, "findings": {"abusive", "intent_to_stir_up_hatred"}}
    result = assess(facts(**changes), policy, today=TODAY)
    considered = {o.id for o in result.offences}
    assert "hcpo2021_s4" in made_out(result)
    assert not {o for o in considered if o.startswith(("poa1986", "mca1988", "pha1997", "cda1998", "sa2020", "osa2023"))}
    assert result.law_nations == ("scotland",)
    assert any("Public Order Act 1986 s5): not considered — it is the law of England and Wales, not of Scotland" in line for line in result.trace)
    assert any("Online Safety Act 2023 s181): not considered — it is the law of England, Wales and Northern Ireland" in line for line in result.trace)


def test_scottish_act_not_in_force_before_april_2024(policy) -> None:
    when = datetime(2024, 3, 1, tzinfo=timezone.utc)
    changes = {"victim_nations": {"scotland"}, "strands": {"race"}, "findings": {"abusive", "intent_to_stir_up_hatred"}}
    result = assess(facts(earliest_incident_at=when, latest_incident_at=when, **changes), policy, today=TODAY)
    assert result.offence("hcpo2021_s4") is None
    assert any("Stirring up hatred (Scotland)" in line and "in force only from 2024-04-01" in line for line in result.trace)


def test_osa_s181_does_not_apply_before_31_january_2024(policy) -> None:
    when = datetime(2023, 12, 1, tzinfo=timezone.utc)
    changes = {"indicators": {"threat_to_kill"}, "content_kinds": {"direct_message"}, "earliest_incident_at": when, "latest_incident_at": when}
    result = assess(facts(**changes), policy, today=TODAY)
    assert result.offence("osa2023_s181") is None and result.offence("osa2023_s179") is None
    assert any(line.startswith("Threatening communications (Online Safety Act 2023 s181): not considered — in force only from 2024-01-31") for line in result.trace)
    assert "mca1988_s1_threat" in made_out(result) and result.cps_category == 1 and result.priority == "P1"


def test_northern_ireland_has_the_osa_and_s127_only(policy) -> None:
    result = assess(facts(victim_nations={"northern_ireland"}, indicators={"threat_to_kill"}), policy, today=TODAY)
    assert {o.id for o in result.offences} == {"ca2003_s127_grossly_offensive", "ca2003_s127_menacing", "osa2023_s181", "osa2023_s179"}


@pytest.mark.parametrize("nations", [{"abroad"}, {"unknown"}, set()])
def test_victims_outside_the_uk_get_the_default_law(policy, nations) -> None:
    result = assess(facts(victim_nations=nations), policy, today=TODAY)
    assert result.law_nations == ("england", "wales")
    assert result.trace[0].startswith("No victim is known to live in the UK, so the law of England and Wales")


# --- the condition language ---
@pytest.mark.parametrize(
    ("condition", "changes", "met", "words"),
    [
        ({"any_indicator": ["threat_to_kill"]}, {"indicators": {"threat_to_kill"}}, True, "the reporter says the material threatens to kill"),
        ({"any_indicator": ["threat_to_kill", "incitement"]}, {}, False, "no report says the material threatens to kill or the material urges"),
        ({"any_finding": ["abusive"]}, {"findings": {"abusive"}}, True, "an officer has recorded that the words are abusive"),
        ({"strand_in": ["race", "religion"]}, {"strands": {"religion"}}, True, "hostility is perceived on religion"),
        ({"strand_in": ["race"]}, {"strands": {"disability"}}, False, "no report perceives hostility on race"),
        ({"content_kind_in": ["direct_message"]}, {}, False, "none of the material is a direct message"),
        ({"content_kind_in": ["post", "reply"]}, {}, True, "the material includes a post"),
        ({"min_occasions_by_one_account": 2}, {"max_occasions_by_one_account": 2}, True, "is 2 (at least 2 needed)"),
        ({"min_audience": 1000}, {}, False, "the largest audience reported is not known"),
        ({"min_audience": 1000}, {"max_audience": 1500}, True, "the largest audience reported is 1,500"),
        ({"public": True}, {"public_content": False}, False, "the material was not shown to be posted publicly"),
        ({"public": False}, {"public_content": False}, True, "the material was not shown to be posted publicly"),
        ({"victim_identified": True}, {"victim_count": 0}, False, "no individual victim is identified"),
        ({"victim_vulnerable": True}, {"vulnerable_victim": True}, True, "a victim is vulnerable or intimidated"),
        ({"victim_under_18": True}, {}, False, "no victim is said to be under 18"),
        ({"all": [{"public": True}, {"victim_identified": True}]}, {"victim_count": 0}, False, "no individual victim is identified"),
        ({"any": [{"public": False}, {"victim_identified": True}]}, {}, True, "an individual victim is identified"),
        ({"not": {"any_finding": ["reasonable_excuse"]}}, {}, True, "no officer has recorded that the sender had a reasonable excuse"),
    ],
)
def test_condition_operators(policy, condition, changes, met, words) -> None:
    outcome = evaluate(parse_condition(condition), facts(**changes), policy.labels())
    assert outcome.met is met and words in outcome.because


def test_offence_complete_operator(policy) -> None:
    condition = parse_condition({"offence_complete": ["poa1986_s4", "poa1986_s5"]})
    assert evaluate(condition, facts(), policy.labels(frozenset({"poa1986_s5"}))) == Outcome(
        True, "Harassment, alarm or distress (Public Order Act 1986 s5) is made out"
    )
    assert evaluate(condition, facts(), policy.labels()).because.startswith("none of Fear or provocation of violence")


@pytest.mark.parametrize(
    ("raw", "path"),
    [
        ({"any_indicatr": ["x"]}, "any_indicatr"),
        ({"any": [{"public": True}, {"strand_in": ["age"]}]}, "any[1].strand_in[0]"),
        ({"all": []}, "all"),
        ({"public": "yes"}, "public"),
        ({"min_audience": -1}, "min_audience"),
        ({"public": True, "victim_identified": True}, ""),
        ({"not": {"content_kind_in": ["tweet"]}}, "not.content_kind_in[0]"),
    ],
)
def test_bad_conditions_name_their_place(raw, path) -> None:
    with pytest.raises(PathError) as caught:
        parse_condition(raw)
    assert caught.value.path == path


# --- facts checks, serialisation ---
def test_unknown_facts_are_refused(policy) -> None:
    with pytest.raises(ValueError, match="indicators has unknown value"):
        facts(indicators={"threat"})
    with pytest.raises(ValueError, match="findings"):
        assess(facts(findings={"nonsense"}), policy, today=TODAY)


def test_assessment_serialises_to_json(policy) -> None:
    result = apply_overrides(assess(facts(indicators={"threat_to_kill"}), policy, today=TODAY), [
        Override("priority", "P2", "the threat was withdrawn", "PC 101", INCIDENT)
    ])
    data = json.loads(json.dumps(result.to_dict()))
    assert data["priority"] == "P2" and data["machine"]["priority"] == "P1"
    assert data["offences"][0]["charge_by"] is None or isinstance(data["offences"][0]["charge_by"], str)
    assert data["overrides"][0]["officer"] == "PC 101" and data["keep_subject_data"] is True


# --- overrides and diff ---
def test_overrides_keep_the_machine_view(policy) -> None:
    machine = assess(facts(**NCHI), policy, today=TODAY)
    decided = apply_overrides(machine, [
        Override("classification", "crime", "the subject sent more messages since", "DC Patel", INCIDENT),
        Override("offence:poa1986_s5", True, "the victim now says she was distressed", "DC Patel", INCIDENT),
        Override("cps_category", 4, "s5 made out", "DC Patel", INCIDENT),
    ])
    assert (decided.classification, decided.cps_category) == ("crime", 4)
    assert decided.offence("poa1986_s5").complete and decided.keep_subject_data is True
    assert decided.machine == machine and machine.classification == "nchi" and not machine.offence("poa1986_s5").complete
    assert decided.trace[: len(machine.trace)] == machine.trace
    assert decided.trace[-3].startswith("Override by DC Patel at 2024-06-01T14:30:00+00:00: classification changed from nchi to crime")
    later = apply_overrides(decided, [Override("priority", "P2", "risk raised", "DS Khan", INCIDENT)])
    assert later.machine == machine and len(later.overrides) == 4 and later.classification == "crime"


@pytest.mark.parametrize(
    ("override", "message"),
    [
        (Override("classification", "maybe", "r", "o", INCIDENT), "not one of crime"),
        (Override("priority", "P9000", "r", "o", INCIDENT), "not a priority"),
        (Override("cps_category", 5, "r", "o", INCIDENT), "not 1, 2, 3, 4"),
        (Override("offence:nope", True, "r", "o", INCIDENT), "no offence 'nope'"),
        (Override("offence:poa1986_s5", "yes", "r", "o", INCIDENT), "true (made out) or false"),
        (Override("colour", "red", "r", "o", INCIDENT), "is not one of classification"),
        (Override("priority", "P1", " ", "o", INCIDENT), "a reason are required"),
    ],
)
def test_bad_overrides_are_refused(policy, override, message) -> None:
    with pytest.raises(ValueError, match=re.escape(message)):
        apply_overrides(assess(facts(**NCHI), policy, today=TODAY), [override])


def test_diff_describes_a_reassessment(policy) -> None:
    before = assess(facts(**NCHI), policy, today=TODAY)
    assert diff(None, before) == [f"First assessment: non-crime hate incident, priority P4, CPS category none; offences made out: none."]
    assert diff(before, before) == []
    after = assess(facts(**{**NCHI, "report_count": 2, "indicators": {"threat_to_kill"}}), policy, today=TODAY)
    changes = diff(before, after)
    assert changes[0].startswith("Classification changed from non-crime hate incident to crime: Crime: on the balance")
    assert changes[1].startswith("Priority raised from P4 to P1: P1 threat to life")
    assert "CPS category changed from none to 1." in changes
    assert "Now made out: Improper use of a public electronic communications network (menacing) (Communications Act 2003 s127(1)(a))." in changes
    assert "The subject's personal data is now kept." in changes
    assert "No notice to the subject is due now: it is not a non-crime hate incident." in changes
    assert diff(after, before)[1].startswith("Priority lowered from P1 to P4")
    assert "No longer made out: Hostility aggravation (England and Wales) (Sentencing Act 2020 s66)." in diff(after, before)
    assert "Notice to the subject now due: tell the subject." in diff(after, before)
    withheld = assess(facts(**{**NCHI, "vulnerable_victim": True}), policy, today=TODAY)
    assert "Notice to the subject changed from 'tell the subject' to 'do not tell the subject yet'." in diff(before, withheld)


def test_diff_reports_time_running_out(policy) -> None:
    case = facts(max_occasions_by_one_account=2, indicators={"victim_distressed"})
    soon, late = assess(case, policy, today=TODAY), assess(case, policy, today=date(2025, 1, 1))
    assert "Harassment (Protection from Harassment Act 1997 s2) is now out of time (charge-by date 2024-12-01)." in diff(soon, late)
    moved = assess(facts(max_occasions_by_one_account=2, indicators={"victim_distressed"}, latest_incident_at=INCIDENT + timedelta(days=3)), policy, today=TODAY)
    assert "Harassment (Protection from Harassment Act 1997 s2): charge by 2024-12-04 (was 2024-12-01)." in diff(soon, moved)


# --- loading the policy ---
def _broken(change) -> dict[str, Any]:
    data = yaml.safe_load(POLICY_FILE.read_text(encoding="utf-8"))
    change(data)
    return data


@pytest.mark.parametrize(
    ("change", "message"),
    [
        (lambda d: d["offences"][4]["elements"][1].update(when={"any": [{"any_indicatr": ["x"]}]}), "offences[4].elements[1].when.any[0].any_indicatr: unknown condition operator 'any_indicatr'"),
        (lambda d: d["offences"][4]["elements"][1].update(when={"any_indicator": ["threat_to_kil"]}), "offences[4].elements[1].when.any_indicator[0]: unknown name 'threat_to_kil'"),
        (lambda d: d["priorities"][0].update(when={"strand_in": ["age"]}), "priorities[0].when.strand_in[0]: unknown name 'age'"),
        (lambda d: d["offences"][2].update(in_force_from="2024-02-30"), "offences[2].in_force_from: Input should be a valid date"),
        (lambda d: d["offences"][0]["elements"][0].update(when={"any_finding": ["nope"]}), "offences[0].elements[0].when.any_finding[0]: unknown finding 'nope'"),
        (lambda d: d["nchi"]["do_not_record"][1].update(when={"any_finding": ["nope"]}), "nchi.do_not_record[1].when.any_finding[0]: unknown finding"),
        (lambda d: d["offences"][0]["elements"][0].update(when={"offence_complete": ["sa2020_s66"]}), "'sa2020_s66' is not an offence listed earlier"),
        (lambda d: d["classification"]["crime"].update(explain="Crime: {offense}"), "classification.crime.explain: unknown placeholder {offense}"),
        (lambda d: d["priorities"][0].update(explain="P1 {reason}"), "priorities[0].explain: unknown placeholder {reason}"),
        (lambda d: d["trace"].pop("element_met"), "trace: missing entries: element_met"),
        (lambda d: d["priorities"][-1].update(when={"public": True}), "priorities[3].when: every priority but the last"),
        (lambda d: d["offences"][0].update(summary_only=True), "offences[0].time_limit: a summary-only offence needs a time_limit"),
        (lambda d: d["offences"][1].update(id="mca1988_s1_grossly_offensive"), "offences[1].id: offence 'mca1988_s1_grossly_offensive' appears twice"),
        (lambda d: d["offences"][0].update(jurisdictions=["france"]), "offences[0].jurisdictions[0]"),
        (lambda d: d["vocabulary"]["indicators"].pop("incitement"), "vocabulary.indicators: a label is needed for: incitement"),
        (lambda d: d["nchi"].update(enabled="perhaps"), "nchi.enabled"),
        (lambda d: d["offences"][0].update(penalty="fine"), "offences[0].penalty: Extra inputs are not permitted"),
    ],
)
def test_bad_policy_is_rejected_with_its_yaml_path(change, message) -> None:
    with pytest.raises(PolicyError) as caught:
        parse_assessment_policy(_broken(change), source="policies/assessment.yaml")
    assert str(caught.value).startswith("policies/assessment.yaml: ")
    assert message in str(caught.value)


def test_bad_policy_file_names_the_file(tmp_path) -> None:
    bad = tmp_path / "assessment.yaml"
    bad.write_text("offences: [unclosed\n", encoding="utf-8")
    with pytest.raises(PolicyError, match=r"assessment.yaml: not valid YAML"):
        load_assessment_policy(bad)
    with pytest.raises(PolicyError, match="cannot read the policy file"):
        load_assessment_policy(tmp_path / "missing.yaml")
    bad.write_text("- a list\n", encoding="utf-8")
    with pytest.raises(PolicyError, match="a policy file is a YAML mapping"):
        load_assessment_policy(bad)


def test_every_finding_is_used_by_some_rule(policy) -> None:
    text = POLICY_FILE.read_text(encoding="utf-8").split("\nmonitored_strands:")[1]
    assert [name for name in policy.findings if name not in text] == []
