"""The words of an assignment notice: what a force's hate crime lead needs, from plain values."""

from __future__ import annotations

from datetime import date

from domain.notices import NoticeFacts, notice_subject, notice_text

GMP, WYP = "E23000005", "E23000010"


def _facts(**changes: object) -> NoticeFacts:
    base = dict(case_id="case:r-1", force=GMP, force_name="Greater Manchester", previous=None, previous_name=None,
                kind="rules", by="rules", reason="Greater Manchester owns the case as the victim's home force.",
                explanation="Greater Manchester owns the case as the victim's home force.",
                lead_name="Greater Manchester Police hate crime lead", reports=3)
    return NoticeFacts(**{**base, **changes})  # type: ignore[arg-type]


def test_first_assignment_says_what_a_lead_needs() -> None:
    text = notice_text(_facts(investigating=WYP, investigating_name="West Yorkshire", classification="crime",
                              priority="P2", charge_by=date(2027, 3, 31)))
    assert text.startswith("To: Greater Manchester Police hate crime lead\nSubject: Online hate case case:r-1: assigned to Greater Manchester\n")
    for needed in (
        "Case case:r-1 is now owned by Greater Manchester (E23000005): its first assignment, made by the jurisdiction rules.",
        "Why this force: Greater Manchester owns the case as the victim's home force.",
        "Investigating force for suspect-side actions: West Yorkshire (E23000010).",
        "Reports combined in this case: 3.",
        "Assessment: crime, priority P2.",
        "Charge by: 31 March 2027",
        "available to Greater Manchester's officers through the hub's API (case case:r-1)",
    ):
        assert needed in text
    assert "recorded on the case" not in text  # the explanation is the reason: said once


def test_investigating_force_only_where_different_and_no_charge_by_when_none() -> None:
    text = notice_text(_facts(investigating=GMP, investigating_name="Greater Manchester", classification="nchi", priority="P4"))
    assert "Investigating force" not in text and "Charge by" not in text
    assert "Assessment: non-crime hate incident, priority P4." in text


def test_a_case_not_yet_assessed_says_so() -> None:
    assert "Assessment: not assessed yet" in notice_text(_facts())


def test_an_officer_reassignment_gives_the_officer_and_the_previous_force() -> None:
    text = notice_text(_facts(force=WYP, force_name="West Yorkshire", previous=GMP, previous_name="Greater Manchester",
                              kind="reassignment", by="DC Patel", reason="victim has moved to Leeds",
                              explanation="West Yorkshire owns the case: reassigned by DC Patel (victim has moved to Leeds).",
                              lead_name="West Yorkshire Police hate crime lead"))
    assert "now owned by West Yorkshire (E23000010), previously by Greater Manchester (E23000005): changed by an officer's reassignment." in text
    assert "Why this force (decided by DC Patel): victim has moved to Leeds" in text
    assert "The assignment as recorded on the case: West Yorkshire owns the case: reassigned by DC Patel" in text


def test_the_hub_retaining_a_case() -> None:
    facts = _facts(force="HUB", force_name="HUB", previous=GMP, previous_name="Greater Manchester",
                   lead_name="Hub duty supervisor", reason="The hub retains the case pending enquiries.")
    assert notice_subject(facts) == "Online hate case case:r-1: retained by the hub"
    text = notice_text(facts)
    assert "now owned by the National Online Hate Crime Hub, previously by Greater Manchester (E23000005)" in text
    assert "stays with the hub pending enquiries" in text


def test_advice_titles_close_the_notice_best_first_and_nothing_when_none() -> None:
    text = notice_text(_facts(advice=("Threats to life — immediate risk and Osman warnings", "Supporting victims")))
    assert text.endswith("Advice for this case, from the hub's guidance library (read it in the workbench or the API):\n"
                         "- Threats to life — immediate risk and Osman warnings\n- Supporting victims\n")
    assert "Advice for this case" not in notice_text(_facts())
