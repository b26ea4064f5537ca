"""The 3x5x2 grading, the suggestion from the evidence, the victim-data rule and sanitisation (domain/nim*.py)."""

from __future__ import annotations

import re
from datetime import date

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from domain.nim import (
    GradingError, GradingEvidence, HandlingCode, IntelligenceAssessment, SourceEvaluation, suggest_grading,
    validate_grading, victim_data_refusal,
)
from domain.nim_sanitise import ProtectedPerson, Sanitiser, protected_people


# -- grading ---------------------------------------------------------------------------------------
def test_a_valid_grading_has_its_code_and_meanings() -> None:
    grading = validate_grading("2", "b", "C", "  not to be shared   with the subject ")
    assert grading.code == "2/B/C" and grading.conditions == "not to be shared with the subject"
    assert grading.source.meaning == "untested" and grading.assessment.meaning.endswith("but corroborated")
    assert grading.handling is HandlingCode.CONDITIONS and grading.flags == ()
    assert validate_grading(1, "A", "P", None).code == "1/A/P"


@pytest.mark.parametrize(("source", "assessment", "handling", "conditions", "message"), [
    ("4", "A", "P", None, "source: '4' is not a grade; use one of 1 (reliable), 2 (untested), 3 (not reliable)"),
    ("1", "F", "P", None, "assessment: 'F' is not a grade"),
    ("1", "A", "X", None, "handling: 'X' is not a grade"),
    ("1", "A", "C", "  ", "conditions: handling code C needs the conditions"),
    ("1", "A", "P", "only to GMP", "conditions: handling code P permits sharing without conditions"),
    ("1", "A", "C", "x" * 1001, "conditions: longer than 1000 characters"),
])
def test_a_grading_breaking_the_rules_names_the_field(source, assessment, handling, conditions, message) -> None:
    with pytest.raises(GradingError, match=re.escape(message)):
        validate_grading(source, assessment, handling, conditions)


def test_an_e_grade_is_allowed_but_flagged() -> None:
    grading = validate_grading("3", "E", "P", None)
    assert grading.assessment is IntelligenceAssessment.SUSPECTED_FALSE
    assert grading.flags and "suspected to be false" in grading.flags[0]


# -- suggestion ------------------------------------------------------------------------------------
def _evidence(**fields) -> GradingEvidence:
    base = {"subject_kind": "person", "reports": 1, "independent_reporters": 1, "screenshot_hashes": 0,
            "confirmed_attribution": False, "attribution_confidence": 0.6}
    return GradingEvidence(**{**base, **fields})


def test_captured_material_tied_to_the_subject_suggests_1a() -> None:
    suggestion = suggest_grading(_evidence(screenshot_hashes=2, confirmed_attribution=True))
    assert (suggestion.source, suggestion.assessment) == (SourceEvaluation.RELIABLE, IntelligenceAssessment.KNOWN_DIRECTLY)
    assert "2 content item(s) captured with a SHA-256 hash" in suggestion.reason
    account = suggest_grading(_evidence(subject_kind="account", screenshot_hashes=1))
    assert account.assessment is IntelligenceAssessment.KNOWN_DIRECTLY


def test_a_confirmed_attribution_suggests_1b_and_a_lone_report_2c() -> None:
    confirmed = suggest_grading(_evidence(confirmed_attribution=True))
    assert (confirmed.source.value, confirmed.assessment.value) == ("1", "B")
    assert "confirmed by a hub reviewer" in confirmed.reason
    lone = suggest_grading(_evidence())
    assert (lone.source.value, lone.assessment.value) == ("2", "C") and "single report" in lone.reason
    corroborated = suggest_grading(_evidence(independent_reporters=3, reports=4))
    assert corroborated.assessment.value == "B" and "3 people reported it independently" in corroborated.reason
    assert suggest_grading(_evidence(attribution_confidence=0.95)).assessment.value == "B"
    assert suggest_grading(_evidence(reports=0, independent_reporters=0)).assessment.value == "D"


def test_a_suggestion_never_says_3_or_e() -> None:
    for hashes in (0, 1):
        for confirmed in (False, True):
            for reporters in (0, 1, 2):
                suggestion = suggest_grading(_evidence(screenshot_hashes=hashes, confirmed_attribution=confirmed,
                                                       independent_reporters=reporters, reports=reporters))
                assert suggestion.source.value != "3" and suggestion.assessment.value != "E"


def test_only_handling_p_lets_victim_data_go() -> None:
    assert victim_data_refusal("P", None) is None
    assert "handling code C (conditions: only to forces) does not permit" in victim_data_refusal("C", "only to forces")
    assert victim_data_refusal(None, None) == "the report is not graded"


# -- sanitisation ----------------------------------------------------------------------------------
AMIRA = ProtectedPerson("victim 1", names=("Amira Haddad",), emails=("amira.haddad@example.org",),
                        phones=("+447700900123",), postcodes=("M14 5RJ",), dates_of_birth=("1990-04-12",),
                        keys=("email:amira.haddad@example.org",))


def test_each_kind_of_detail_is_replaced_in_its_usual_forms() -> None:
    text = ("Amira Haddad (AMIRA HADDAD, amira) of m14 5rj, born 12/04/1990 or 12th April 1990 or 1990-04-12 or 12 04 1990, "
            "rang from 07700 900123 and +44 (0)7700-900-123 and wrote from Amira.Haddad@example.org "
            "(victim key email:amira.haddad@example.org); Haddadson, 07700 900124 and 1990-04-13 are not her.")
    clean = Sanitiser([AMIRA]).text(text)
    assert clean == ("[victim 1] ([victim 1], [victim 1]) of [victim 1], born [victim 1] or [victim 1] or [victim 1] or [victim 1], "
                     "rang from [victim 1] and [victim 1] and wrote from [victim 1] "
                     "(victim key email:[victim 1]); Haddadson, 07700 900124 and 1990-04-13 are not her.")


def test_structured_values_are_sanitised_throughout_and_accents_folded() -> None:
    zoe = ProtectedPerson("complainant 1", names=("Zoë O'Brien",))
    sanitiser = Sanitiser([AMIRA, zoe])
    value = {"victims": ["name:amira haddad"], "amira": [{"text": "Zoe O'Brien saw it", "when": date(1990, 4, 12)}],
             "count": 3}
    assert sanitiser.value(value) == {"victims": ["name:[victim 1]"], "[victim 1]": [
        {"text": "[complainant 1] saw it", "when": "[victim 1]"}], "count": 3}


def test_labels_number_victims_and_complainants_apart() -> None:
    people = protected_people([{"role": "victim", "names": ["A B"]}, {"role": "reporter", "names": ["C D"]},
                               {"role": "victim", "names": ["E F"], "emails": [None, ""]}])
    assert [person.label for person in people] == ["victim 1", "complainant 1", "victim 2"]
    assert people[2].emails == ()
    assert Sanitiser([]).text("nothing to do") == "nothing to do"


# Property: whatever the victims' details and however the text carries them, none survives sanitisation.
NAME_WORD = st.text(alphabet=st.sampled_from("abcdefghijklmnopqrstuvwxyzéöñ"), min_size=2, max_size=9).filter(
    lambda word: word not in {"victim", "complainant"})
PEOPLE = st.lists(st.builds(
    lambda first, last, local, digits, area, day: {
        "role": "victim", "names": [f"{first.title()} {last.title()}"], "emails": [f"{local}@example.org"],
        "phones": [f"+447{digits}"], "postcodes": [f"{area.upper()}1 2AB"], "dates_of_birth": [day.isoformat()],
    },
    NAME_WORD, NAME_WORD, st.from_regex(r"[a-z][a-z0-9.]{1,10}[a-z]", fullmatch=True),
    st.from_regex(r"[0-9]{9}", fullmatch=True), st.sampled_from(["M", "LS", "B", "EC"]),
    st.dates(min_value=date(1930, 1, 1), max_value=date(2015, 12, 31)),
), min_size=1, max_size=4)
FILLER = st.sampled_from(["said", "posted", "about", "and", "the", "report", "at", "wrote", "to", "online"])


def _forms(person: dict) -> list[str]:
    name = person["names"][0]
    first, last = name.split()
    phone = person["phones"][0]
    day = date.fromisoformat(person["dates_of_birth"][0])
    return [name, name.upper(), first, last.lower(), person["emails"][0], person["emails"][0].upper(), phone,
            "0" + phone[3:7] + " " + phone[7:], person["postcodes"][0].replace(" ", ""), person["postcodes"][0].lower(),
            day.isoformat(), day.strftime("%d/%m/%Y"), day.strftime("%d %m %Y"), f"{day.day} {day.strftime('%B')} {day.year}",
            day.strftime("%B %d, %Y")]


def _survivors(text: str, person: dict) -> list[str]:
    found = []
    lowered = text.lower()
    for word in person["names"][0].lower().split():
        if re.search(rf"\b{re.escape(word)}\b", lowered):
            found.append(word)
    for value in (*person["emails"], *person["postcodes"], *person["dates_of_birth"]):
        if value.lower() in lowered or value.lower().replace(" ", "") in lowered.replace(" ", ""):
            found.append(value)
    if person["phones"][0][3:] in re.sub(r"\D", "", text):
        found.append(person["phones"][0])
    day = date.fromisoformat(person["dates_of_birth"][0])
    written = (day.strftime("%d/%m/%Y"), day.strftime("%d %m %Y"), f"{day.day} {day.strftime('%B')} {day.year}",
               day.strftime("%B %d, %Y"))
    found.extend(form for form in written if form.lower() in lowered)
    return found


@settings(max_examples=300, deadline=None)
@given(PEOPLE, st.data())
def test_no_victim_identifier_survives_sanitisation(rows: list[dict], data: st.DataObject) -> None:
    pieces = []
    for row in rows:
        for form in data.draw(st.lists(st.sampled_from(_forms(row)), min_size=1, max_size=6)):
            pieces.extend([data.draw(FILLER), form])
    text = " ".join(pieces)
    sanitiser = Sanitiser(protected_people(rows))
    clean = sanitiser.text(text)
    for row in rows:
        assert _survivors(clean, row) == [], (text, clean)
    structured = sanitiser.value({"text": text, "list": [text], text: 1})
    assert all(_survivors(str(structured), row) == [] for row in rows)
