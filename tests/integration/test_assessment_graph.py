"""Assessment over the real graph: facts from all a case's reports by Cypher, stored with trace and history."""

from __future__ import annotations

from datetime import date

import pytest

from domain.results import read_stored
from graph import assessment
from graph.intake import ingest
from graph.policies import Policies
from graph.port import GraphPort
from loaders.validation import validate_report
from tests import factories as f

TODAY = date(2026, 11, 1)
TWEET = "https://x.com/troll_one/status/1111111111111111111"
TWEET_VARIANT = "http://mobile.twitter.com/Troll_One/status/1111111111111111111/?s=20"



def _load(port: GraphPort, *records: dict) -> None:
    for record in records:
        ingest(port, [(validate_report(record), None)])


def _case(port: GraphPort, reference: str) -> str:
    return next(row["case"] for row in port.read("testing/cases_overview") if row["reference"] == reference)


def _stored(port: GraphPort, case: str) -> dict:
    history = assessment.assessment_history(port, case)
    assert history is not None
    [row] = port.read("testing/case_assessment", case=case)
    return {**history, **row}


def _witness_post(reference: str, url: str, **extra: object) -> dict:
    return f.report(reference, targeted_characteristics=["race"], content=[f.post(url)], **extra)


def test_assessment_is_stored_with_its_trace(seeded: GraphPort, policies: Policies) -> None:
    record = f.report("A", **f.victim_reporter("Ana Silva", "ana@example.org"), targeted_characteristics=["race"],
                      content=[f.post(TWEET, kind="reply", posted_at="2026-10-01T20:00:00+00:00")],
                      indicators={"threat_to_kill": True})
    record["reporter"]["postcode"] = "M14 5RJ"
    _load(seeded, record)
    summary = assessment.assess_cases(seeded, policies=policies, today=TODAY)
    assert (summary.cases, summary.changed, summary.by_priority["P1"]) == (1, 1, 1)
    stored = _stored(seeded, _case(seeded, "A"))
    assert (stored["classification"], stored["priority"], stored["cps_category"]) == ("crime", "P1", 1)
    assert stored["charge_by"] == date(2027, 3, 31)  # s127 menacing is summary only: six months, the start day counted
    current = stored["assessment"]
    assert {o["id"] for o in current["offences"] if o["complete"]} >= {"mca1988_s1_threat", "ca2003_s127_menacing"}
    assert current["law_nations"] == ["england"]  # the victim's force is in England
    assert any("threatens to kill" in line for line in current["trace"])
    [version] = stored["versions"]
    assert version["changes"][0].startswith("First assessment: crime, priority P1")
    assert assessment.assess_cases(seeded, policies=policies, today=TODAY).changed == 0  # a rerun records nothing new
    assert len(_stored(seeded, _case(seeded, "A"))["versions"]) == 1


def test_assessments_written_a_few_at_a_time_are_each_stored(
    seeded: GraphPort, policies: Policies, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(assessment, "ASSESSMENTS_PER_WRITE", 2)  # five cases: writes of 2, 2 and 1
    references = [f"W{n}" for n in range(5)]
    _load(seeded, *(_witness_post(reference, f"https://x.com/troll_one/status/{n}00000000000000000{n}")
                    for n, reference in enumerate(references)))
    summary = assessment.assess_cases(seeded, policies=policies, today=TODAY)
    assert (summary.cases, summary.changed) == (5, 5)
    for reference in references:
        stored = _stored(seeded, _case(seeded, reference))
        assert stored["classification"] is not None and len(stored["versions"]) == 1, reference


def test_a_new_duplicate_report_reassesses_the_case_and_says_what_changed(seeded: GraphPort, policies: Policies) -> None:
    _load(seeded, _witness_post("A", TWEET))
    assessment.assess_cases(seeded, policies=policies, today=TODAY)
    case = _case(seeded, "A")
    assert _stored(seeded, case)["classification"] == "no_record"

    record = _witness_post("B", TWEET_VARIANT, indicators={"threat_of_violence": True})
    _load(seeded, record)
    assert _case(seeded, "B") == case
    touched = seeded.write_unit(lambda tx: assessment.assess_and_assign_reports_in(tx, ["public_web_form:B"], policies=policies, today=TODAY))
    assert touched == [case]
    stored = _stored(seeded, case)
    assert (stored["classification"], stored["priority"]) == ("crime", "P2")
    first, second = stored["versions"]
    assert (first["report_count"], second["report_count"], second["trigger"]) == (1, 2, "intake")
    assert any(line.startswith("Classification changed from no record to crime") for line in second["changes"])
    assert "Priority raised from P4 to P2" in " ".join(second["changes"])
    assert stored["owning_force"] == "HUB"  # assigned on the same path


def test_override_is_kept_beside_the_machine_view(seeded: GraphPort, policies: Policies) -> None:
    _load(seeded, _witness_post("A", TWEET, indicators={"threat_of_violence": True}))
    case = _case(seeded, "A")
    assessment.assess_cases(seeded, policies=policies, today=TODAY)
    override_id, result = assessment.override(seeded, case, "priority", "P1", reason="known violent offender",
                                              officer="DS Khan", policies=policies, today=TODAY)
    assert result.priority == "P1" and "Priority raised from P2 to P1" in " ".join(result.changes)
    assessment.assess_cases(seeded, policies=policies, today=TODAY)  # a rerun keeps the officer's value
    stored = _stored(seeded, case)
    assert stored["priority"] == "P1"
    assert stored["assessment"]["machine"]["priority"] == "P2"
    [kept] = stored["assessment"]["overrides"]
    assert (kept["field"], kept["value"], kept["officer"], kept["reason"]) == ("priority", "P1", "DS Khan", "known violent offender")
    assert any("Override by DS Khan" in line for line in stored["assessment"]["trace"])

    undone = assessment.undo_override(seeded, override_id, by="DI Lee", reason="entered on the wrong case", policies=policies, today=TODAY)
    assert undone.priority == "P2"
    [record] = _stored(seeded, case)["overrides"]
    assert (record["active"], record["undone_by"]) == (False, "DI Lee")


def test_officer_finding_feeds_the_rules(seeded: GraphPort, policies: Policies) -> None:
    _load(seeded, _witness_post("A", TWEET))
    case = _case(seeded, "A")
    _, result = assessment.override(seeded, case, "finding:grossly_offensive", True, reason="read the post",
                                    officer="PC Ahmed", policies=policies, today=TODAY)
    assert result.classification == "crime"
    stored = _stored(seeded, case)
    assert stored["cps_category"] == 4 and stored["charge_by"] is not None
    assert stored["assessment"]["machine"] is None  # a finding is a fact for the rules, not an override of them


def test_bad_override_is_refused_and_nothing_is_kept(seeded: GraphPort, policies: Policies) -> None:
    _load(seeded, _witness_post("A", TWEET))
    case = _case(seeded, "A")
    with pytest.raises(assessment.AssessmentError, match="not a priority"):
        assessment.override(seeded, case, "priority", "urgent", reason="r", officer="PC", policies=policies, today=TODAY)
    with pytest.raises(assessment.AssessmentError, match="unknown finding"):
        assessment.override(seeded, case, "finding:nasty", True, reason="r", officer="PC", policies=policies, today=TODAY)
    with pytest.raises(assessment.AssessmentError, match="no case"):
        assessment.override(seeded, "nope", "priority", "P1", reason="r", officer="PC", policies=policies, today=TODAY)
    assert _stored(seeded, case)["overrides"] == []


def test_course_of_conduct_across_linked_cases_counts_occasions(seeded: GraphPort, policies: Policies) -> None:
    victim = f.victim_reporter("Ana Silva", "ana@example.org")
    _load(
        seeded,
        f.report("A", **victim, targeted_characteristics=["religion"], content=[f.post(TWEET, kind="reply")]),
        f.report("B", **victim, targeted_characteristics=["religion"], content=[f.post("https://x.com/troll_one/status/1111111111111111999", kind="reply")]),
    )
    assessment.assess_cases(seeded, policies=policies, today=TODAY)
    stored = _stored(seeded, _case(seeded, "B"))
    assert stored["priority"] == "P3"  # one account, two items, one victim: a course of conduct
    assert read_stored(stored["assessment_json"])["priority_rule"] == "course_of_conduct"
    assert isinstance(stored["assessment_json"], bytes)  # compressed: the trace in words is most of it
