"""The jurisdiction policy and engine: owning, investigating and lead force, every rule, table-driven."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
import yaml

from domain.jurisdiction import Assignment, JurisdictionFacts, PlaceFact, assign, lead_force
from domain.jurisdiction_policy import JurisdictionPolicy, load_jurisdiction_policy, parse_jurisdiction_policy
from domain.policy_files import PolicyError

ROOT = Path(__file__).resolve().parents[2]
POLICY_FILE = ROOT / "policies" / "jurisdiction.yaml"
GMP, WYP, MET, SCOT = "E23000005", "E23000010", "E23000001", "S23000009"
NAMES = {GMP: "Greater Manchester", WYP: "West Yorkshire", MET: "Metropolitan Police", SCOT: "Police Scotland"}


@pytest.fixture(scope="module")
def policy() -> JurisdictionPolicy:
    return load_jurisdiction_policy(POLICY_FILE)


def at(force: str | None, *, certain: bool = True, country: str | None = "GB", source: str = "full postcode") -> PlaceFact:
    return PlaceFact(force_code=force, country=country, certain=certain, source=source)


ABROAD = at(None, country="FR", source="country given")
UNKNOWN = at(None, country=None, source="no location given")
IN_UK = at(None, source="town only")

# (name, victims, suspects, owner, owner rule, investigating, investigating rule, tie-break rule)
CASES: list[tuple[str, list[PlaceFact], list[PlaceFact], str, str, str | None, str, str | None]] = [
    ("victim only", [at(GMP)], [], GMP, "victim_home_force", None, "no_suspect_located", None),
    ("suspect in the same force", [at(GMP)], [at(GMP)], GMP, "victim_home_force", GMP, "owner_investigates", None),
    ("suspect in another force", [at(GMP)], [at(WYP)], GMP, "victim_home_force", WYP, "suspect_force_investigates", None),
    ("suspect abroad", [at(GMP)], [ABROAD], GMP, "victim_home_force", None, "no_suspect_located", None),
    ("victim abroad", [ABROAD], [at(WYP)], WYP, "suspect_force_owns", WYP, "owner_investigates", None),
    ("victim unknown", [UNKNOWN], [at(WYP)], WYP, "suspect_force_owns", WYP, "owner_investigates", None),
    ("no victims", [], [at(MET)], MET, "suspect_force_owns", MET, "owner_investigates", None),
    ("nobody located", [UNKNOWN], [ABROAD], "HUB", "hub_retains", None, "no_suspect_located", None),
    ("in the UK, force unknown", [IN_UK], [IN_UK], "HUB", "hub_retains", None, "no_suspect_located", None),
    ("nothing at all", [], [], "HUB", "hub_retains", None, "no_suspect_located", None),
    ("most victims", [at(WYP), at(GMP), at(GMP)], [], GMP, "victim_home_force", None, "no_suspect_located", "lead_force_most_victims"),
    ("tie: suspect's force", [at(WYP), at(GMP)], [at(GMP)], GMP, "victim_home_force", GMP, "owner_investigates", "lead_force_suspect_force"),
    ("tie: earliest report", [at(WYP), at(GMP)], [at(MET)], WYP, "victim_home_force", MET, "suspect_force_investigates", "lead_force_earliest_report"),
    ("suspects in two forces", [ABROAD], [at(MET), at(WYP), at(WYP)], WYP, "suspect_force_owns", MET, "suspect_force_investigates", "lead_force_suspect_force"),
    ("Scotland", [at(SCOT)], [at(GMP)], SCOT, "victim_home_force", GMP, "suspect_force_investigates", None),
]


@pytest.mark.parametrize(("name", "victims", "suspects", "owner", "rule", "investigating", "investigating_rule", "tie"), CASES, ids=[c[0] for c in CASES])
def test_assign(policy, name, victims, suspects, owner, rule, investigating, investigating_rule, tie) -> None:
    result = assign(JurisdictionFacts("case-1", victims, suspects), policy, force_names=NAMES)
    assert (result.owning_force, result.rule) == (owner, rule)
    assert (result.investigating_force, result.investigating_rule) == (investigating, investigating_rule)
    assert result.tie_break_rule == tie
    assert result.uncertain is False
    json.dumps(result.inputs)


def test_every_rule_of_the_policy_is_exercised(policy) -> None:
    seen = {c[4] for c in CASES} | {c[6] for c in CASES} | {c[7] for c in CASES if c[7]} | {"lead_force_lowest_code"}
    named = {r.name for r in policy.owner_rules} | {r.name for r in policy.investigating_rules} | {s.name for s in policy.tie_break.steps}
    assert named <= seen


def test_explanations_name_the_forces_and_the_rules_reasons(policy) -> None:
    result = assign(JurisdictionFacts("case-1", [at(GMP, source="full postcode M14 5RJ")], [at(WYP, source="full postcode LS6 2AB")]), policy, force_names=NAMES)
    assert result.explanation == (
        "Greater Manchester owns the case (recording and victim contact) as the victim's home force: the victims are "
        "in Greater Manchester (by full postcode M14 5RJ). West Yorkshire is named as investigating force for "
        "suspect-side actions, alongside Greater Manchester: the suspect is in West Yorkshire (by full postcode LS6 2AB)."
    )
    assert result.inputs["victim_forces"] == {GMP: 1} and result.inputs["suspect_forces"] == {WYP: 1}


def test_hub_and_abroad_explanations(policy) -> None:
    hub = assign(JurisdictionFacts("case-2", [UNKNOWN], [ABROAD]), policy)
    assert hub.explanation.startswith("The hub retains the case pending enquiries: neither a victim nor a suspect is located")
    assert "abroad, in FR (by country given)" in hub.explanation
    owned = assign(JurisdictionFacts("case-3", [ABROAD], [at(WYP)]), policy)
    assert owned.explanation.startswith(f"{WYP} owns the case as the suspect's force: no victim is located in a UK force area")


def test_tie_break_is_explained(policy) -> None:
    result = assign(JurisdictionFacts("case-4", [at(WYP), at(GMP)], [at(MET)]), policy, force_names=NAMES)
    assert "They are in 2 forces (West Yorkshire and Greater Manchester); West Yorkshire is chosen because of the forces still tied, it is where the person in the earliest report is." in result.explanation
    most = assign(JurisdictionFacts("case-5", [at(WYP), at(GMP), at(GMP)], []), policy, force_names=NAMES)
    assert "Greater Manchester is chosen because it has the most victims (2)." in most.explanation


@pytest.mark.parametrize(
    ("victims", "suspects", "uncertain"),
    [
        ([at(GMP, certain=False, source="postcode district M14")], [], True),
        ([at(GMP)], [at(WYP, certain=False, source="postcode district LS6")], True),
        ([at(GMP), at(WYP, certain=False)], [], True),  # the tie between forces rests on an uncertain place
        ([at(GMP)], [at(GMP)], False),
        ([at(GMP)], [], False),
    ],
)
def test_uncertain_locations_are_flagged(policy, victims, suspects, uncertain) -> None:
    result = assign(JurisdictionFacts("case-6", victims, suspects), policy)
    assert result.uncertain is uncertain
    assert ("Uncertain: the location" in result.explanation) is uncertain


def test_a_certain_owner_is_not_flagged_by_an_unused_uncertain_suspect(policy) -> None:
    result = assign(JurisdictionFacts("case-7", [at(GMP)], [ABROAD, at(None, certain=False, country=None, source="district")]), policy)
    assert result.uncertain is False


def _without_steps(policy: JurisdictionPolicy, *names: str) -> JurisdictionPolicy:
    steps = [s for s in policy.tie_break.steps if s.name not in names]
    return policy.model_copy(update={"tie_break": policy.tie_break.model_copy(update={"steps": steps})})


def test_lowest_force_code_decides_when_the_policy_says_so(policy) -> None:
    short = _without_steps(policy, "lead_force_suspect_force", "lead_force_earliest_report")
    result = assign(JurisdictionFacts("case-8", [at(WYP), at(GMP)], [at(WYP)]), short)
    assert (result.owning_force, result.tie_break_rule) == (GMP, "lead_force_lowest_code")
    assert "it has the lowest force code" in result.explanation


# --- linked series ---
def series(*cases: tuple[list[PlaceFact], list[PlaceFact]]) -> list[JurisdictionFacts]:
    return [JurisdictionFacts(f"case-{i}", victims, suspects) for i, (victims, suspects) in enumerate(cases, 1)]


@pytest.mark.parametrize(
    ("cases", "lead", "linked", "rule"),
    [
        (series(([at(WYP)], []), ([at(GMP)], []), ([at(GMP)], [])), GMP, (WYP,), "lead_force_most_victims"),
        (series(([at(WYP)], []), ([at(GMP)], [at(GMP)])), GMP, (WYP,), "lead_force_suspect_force"),
        (series(([at(WYP)], [at(MET)]), ([at(GMP)], [])), WYP, (MET, GMP), "lead_force_earliest_report"),
        (series(([at(GMP)], []), ([at(GMP)], [at(MET)])), GMP, (MET,), "victim_home_force"),
        (series(([ABROAD], [at(MET)]), ([UNKNOWN], [])), MET, (), "suspect_force_owns"),
        (series(([ABROAD], []), ([UNKNOWN], [])), "HUB", (), "hub_retains"),
    ],
)
def test_lead_force(policy, cases, lead, linked, rule) -> None:
    decision = lead_force(cases, policy, force_names=NAMES)
    assert (decision.lead, decision.linked, decision.rule) == (lead, linked, rule)
    assert decision.inputs["cases"] == [c.case_id for c in cases]
    assert decision.explanation.startswith(f"{NAMES.get(lead, lead)} leads the linked series of {len(cases)} cases")


def test_lead_force_by_lowest_code_and_uncertainty(policy) -> None:
    short = _without_steps(policy, "lead_force_suspect_force", "lead_force_earliest_report")
    decision = lead_force(series(([at(WYP, certain=False)], []), ([at(GMP)], [])), short)
    assert (decision.lead, decision.rule, decision.uncertain) == (GMP, "lead_force_lowest_code", True)
    assert "Uncertain: the location" in decision.explanation
    with pytest.raises(ValueError, match="at least one case"):
        lead_force([], policy)


def test_assignment_is_frozen(policy) -> None:
    result = assign(JurisdictionFacts("case-9", [at(GMP)], []), policy)
    assert isinstance(result, Assignment)
    with pytest.raises(AttributeError):
        result.owning_force = WYP  # type: ignore[misc]


# --- loading the policy ---
def _broken(change) -> dict[str, Any]:
    data = yaml.safe_load(POLICY_FILE.read_text(encoding="utf-8"))
    change(data)
    return data


@pytest.mark.parametrize(
    ("change", "message"),
    [
        (lambda d: d["owner_rules"][-1].update(when="victim_located", owner="victim_force"), "owner_rules[2].when: the last rule must be `when: always`"),
        (lambda d: d["owner_rules"][0].update(when="always"), "owner_rules[0].when: owner victim_force needs `when: victim_located`"),
        (lambda d: d["owner_rules"][1].update(when="always", owner="hub"), "owner_rules[1].when: only the last rule may be `always`"),
        (lambda d: d["owner_rules"][0].update(when="victim_somewhere"), "owner_rules[0].when: Input should be"),
        (lambda d: d["investigating_rules"][0].update(when="always"), "investigating_rules[0].when: investigating suspect_force needs a located suspect"),
        (lambda d: d["tie_break"]["steps"].pop(), "tie_break.steps[2].name: the last step must be lead_force_lowest_code"),
        (lambda d: d["tie_break"]["steps"][0].update(name="lead_force_tallest"), "tie_break.steps[0].name"),
        (lambda d: d["tie_break"]["steps"].append(d["tie_break"]["steps"][0]), "tie_break.steps[4].name: step lead_force_most_victims appears twice"),
        (lambda d: d["owner_rules"][0].update(explain="{owner} owns {forse}"), "owner_rules[0].explain: unknown placeholder {forse}"),
        (lambda d: d["places"].update(abroad="abroad {city}"), "places.abroad: unknown placeholder {city}"),
        (lambda d: d.update(home_countries=["gb"]), "home_countries[0]"),
        (lambda d: d["investigating_rules"][1].update(name="suspect_force_investigates"), "rule name suspect_force_investigates is used twice"),
        (lambda d: d.update(colour="blue"), "colour: Extra inputs are not permitted"),
    ],
)
def test_bad_policy_is_rejected_with_its_yaml_path(change, message) -> None:
    with pytest.raises(PolicyError) as caught:
        parse_jurisdiction_policy(_broken(change), source="policies/jurisdiction.yaml")
    assert str(caught.value).startswith("policies/jurisdiction.yaml: ")
    assert message in str(caught.value)


def test_bad_policy_file_names_the_file(tmp_path) -> None:
    bad = tmp_path / "jurisdiction.yaml"
    bad.write_text("owner_rules: {", encoding="utf-8")
    with pytest.raises(PolicyError, match="jurisdiction.yaml: not valid YAML"):
        load_jurisdiction_policy(bad)
