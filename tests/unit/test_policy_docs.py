"""docs/policies.md is generated from the policy files: the published words cannot drift from the rules."""

from __future__ import annotations

from pathlib import Path

import pytest

from domain.jurisdiction_policy import JurisdictionPolicy, load_jurisdiction_policy
from domain.policy import AssessmentPolicy, load_assessment_policy
from domain.policy_docs import main, render_policies_markdown

ROOT = Path(__file__).resolve().parents[2]
DOCS = ROOT / "docs" / "policies.md"


@pytest.fixture(scope="module")
def assessment() -> AssessmentPolicy:
    return load_assessment_policy(ROOT / "policies" / "assessment.yaml")


@pytest.fixture(scope="module")
def jurisdiction() -> JurisdictionPolicy:
    return load_jurisdiction_policy(ROOT / "policies" / "jurisdiction.yaml")


@pytest.fixture(scope="module")
def text(assessment, jurisdiction) -> str:
    return render_policies_markdown(assessment, jurisdiction)


def test_shipped_document_matches_the_policies(text) -> None:
    assert DOCS.read_text(encoding="utf-8") == text, "docs/policies.md is stale: run `.venv/bin/python -m domain.policy_docs`"


def test_check_mode_agrees(capsys) -> None:
    assert main(["--check"]) == 0
    assert "up to date" in capsys.readouterr().out


def _sections(assessment: AssessmentPolicy, jurisdiction: JurisdictionPolicy) -> list[str]:
    words = [offence.label for offence in assessment.offences]
    words += [f"`{element.name}`" for offence in assessment.offences for element in offence.elements]
    words += [f"**{p.level}** `{p.name}`" for p in assessment.priorities]
    words += [f"`{rule.name}`" for rule in assessment.nchi.do_not_record]
    words += [f"`{assessment.nchi.subject_data.keep.name}`", f"`{assessment.nchi.subject_notice.withhold.name}`"]
    words += [f"`{name}`" for name in assessment.findings]
    words += [category.label for category in assessment.cps_categories.values()]
    words += [f"`{r.name}`" for r in (*jurisdiction.owner_rules, *jurisdiction.investigating_rules, *jurisdiction.tie_break.steps)]
    return words


def test_every_rule_appears(text, assessment, jurisdiction) -> None:
    assert [word for word in _sections(assessment, jurisdiction) if word not in text] == []
    for needle in (
        "Switch: **on** (`nchi.enabled: true`)",
        "summary only: charge within 6 months of when the prosecutor had sufficient evidence",
        "never more than 3 years after the offence",
        "law of: Scotland; in force from 2024-04-01",
        "in force from 2024-01-31",
        "prosecution needs the consent of the Attorney General",
        "1. **Crime** — when at least one offence below has every element met.",
    ):
        assert needle in text


@pytest.mark.parametrize(
    ("offence_id", "described"),
    [
        ("pha1997_s2", "met when one account sent at least 2 items against the same victim; or the reporter says the same sender has contacted the victim more than once."),
        ("osa2023_s179", "met when not (an officer records that the sender had a reasonable excuse)."),
        ("poa1986_part3", "(the reporter says the material urges others to hate, harass or harm; and an item reached an audience of at least 1,000)"),
        ("cda1998_s31", "met when Fear or provocation of violence (Public Order Act 1986 s4), Intentional harassment, alarm or distress (Public Order Act 1986 s4A) or Harassment, alarm or distress (Public Order Act 1986 s5) is made out."),
    ],
)
def test_conditions_are_written_in_words(text, offence_id, described) -> None:
    assert described in text


def test_switching_nchi_off_changes_the_words(assessment, jurisdiction) -> None:
    off = assessment.model_copy(update={"nchi": assessment.nchi.model_copy(update={"enabled": False})})
    assert "Switch: **off** (`nchi.enabled: false`)" in render_policies_markdown(off, jurisdiction)
