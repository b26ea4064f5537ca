"""Jurisdiction over the real graph: places read by Cypher, the policy applied, stored with history."""

from __future__ import annotations

from pathlib import Path

import pytest

from graph import jurisdiction
from graph.intake import ingest
from graph.policies import Policies
from graph.port import GraphPort
from graph.reference import load_onspd, seed_reference
from loaders.validation import validate_report
from tests import factories as f

GMP, WYP, MET, WMP, CITY = "E23000005", "E23000010", "E23000001", "E23000014", "E23000034"



def _load(port: GraphPort, *records: dict) -> None:
    for record in records:
        ingest(port, [(validate_report(record), None)])


def _case(port: GraphPort, reference: str) -> str:
    return next(row["case"] for row in port.read("testing/cases_overview") if row["reference"] == reference)


def _assign(port: GraphPort, policies: Policies, reference: str) -> dict:
    jurisdiction.assign_cases(port, policy=policies.jurisdiction)
    stored = jurisdiction.case_assignment(port, _case(port, reference))
    assert stored is not None
    return stored


def _victim(postcode: str | None = None, **extra: object) -> dict:
    victim = {"name": "Ana Silva", **extra}
    if postcode:
        victim["postcode"] = postcode
    return victim


# (name, victims, suspects, owner, investigating, rule, uncertain)
SCENARIOS = [
    ("victim in a district wholly inside one force", [_victim("M14 5RJ")], [], GMP, None, "victim_home_force", False),
    ("victim abroad, suspect's postcode in the UK", [_victim(country="FR")], [{"location": "Leeds, LS6 2AB"}], WYP, WYP, "suspect_force_owns", False),
    ("neither located: the hub retains", [_victim()], [{"location": "somewhere online"}], "HUB", None, "hub_retains", False),
    ("suspect in another force investigates", [_victim("M14 5RJ")], [{"location": "LS6 2AB"}], GMP, WYP, "victim_home_force", False),
    ("straddling district is uncertain", [_victim("E1 6AN")], [], MET, None, "victim_home_force", True),
    ("suspect's district alone locates them", [_victim(country="DE")], [{"location": "B15"}], WMP, WMP, "suspect_force_owns", False),
]


@pytest.mark.parametrize(("name", "victims", "suspects", "owner", "investigating", "rule", "uncertain"), SCENARIOS, ids=[s[0] for s in SCENARIOS])
def test_assignment_rules(seeded: GraphPort, policies: Policies, name, victims, suspects, owner, investigating, rule, uncertain) -> None:
    _load(seeded, f.report("A", victims=victims, **({"suspects": suspects} if suspects else {})))
    stored = _assign(seeded, policies, "A")
    assert (stored["owning_force"], stored["investigating_force"], stored["rule"]) == (owner, investigating, rule)
    assert stored["uncertain"] is uncertain
    assert stored["explanation"] and (("Uncertain" in stored["explanation"]) is uncertain)
    [row] = seeded.read("testing/case_force_links", case=_case(seeded, "A"))
    assert row["owned_by"] == ([] if owner == "HUB" else [owner])
    assert row["investigated_by"] == ([investigating] if investigating and investigating != owner else [])


def test_reporter_who_is_the_victim_counts_as_the_victim(seeded: GraphPort, policies: Policies) -> None:
    record = f.report("A", reporter={"role": "victim", "name": "Sam", "postcode": "LS1 4AP"}, victims=[{"same_as_reporter": True}])
    _load(seeded, record)
    assert _assign(seeded, policies, "A")["owning_force"] == WYP


def test_malformed_and_unknown_postcodes_are_reported_not_guessed(seeded: GraphPort, policies: Policies) -> None:
    _load(seeded, f.report("A", victims=[_victim("QQ1 1AA"), {"name": "Bo", "postcode": "LS99 1AB"}]))
    stored = _assign(seeded, policies, "A")
    assert stored["owning_force"] == "HUB"
    assert stored["unresolved_postcodes"] == ["'QQ1 1AA': not a valid UK postcode", "LS99 1AB: district LS99 is not in the postcode lookup"]
    assert "not a valid UK postcode" in stored["explanation"]


def test_ons_directory_makes_the_lookup_exact(seeded: GraphPort, policies: Policies, tmp_path: Path) -> None:
    _load(seeded, f.report("A", victims=[_victim("E1 6AN")]))
    assert _assign(seeded, policies, "A")["uncertain"] is True
    directory = tmp_path / "onspd.csv"
    directory.write_text("pcd,pcds,pfa\nE1  6AN,E1 6AN,E23000034\nXX,not a postcode,E23000001\nGY1 1AA,GY1 1AA,L99999999\n")
    summary = load_onspd(seeded, directory)
    assert (summary.read, summary.loaded, summary.malformed, summary.unknown_force) == (3, 1, 1, 1)
    assert [row["reason"] for row in summary.rejects] == ["not a valid UK postcode", "force code L99999999 is not a known police force area"]
    stored = _assign(seeded, policies, "A")
    assert (stored["owning_force"], stored["uncertain"]) == (CITY, False)
    assert "ONS postcode directory" in stored["explanation"]
    assert load_onspd(seeded, directory).loaded == 1  # a rerun changes nothing
    assert seeded.read("testing/exact_postcodes") == [{"postcode": "E1 6AN", "force": CITY}]


def test_reassignment_keeps_history_and_wins_until_undone(seeded: GraphPort, policies: Policies) -> None:
    _load(seeded, f.report("A", victims=[_victim("M14 5RJ")]))
    case = _case(seeded, "A")
    assert _assign(seeded, policies, "A")["owning_force"] == GMP
    result = jurisdiction.reassign(seeded, case, WYP, by="DC Patel", reason="victim has moved to Leeds", policy=policies.jurisdiction)
    assert (result.owning_force, result.rule) == (WYP, "officer_reassignment")
    stored = _assign(seeded, policies, "A")  # a rerun of the rules keeps the officer's choice
    assert (stored["owning_force"], stored["machine_owning_force"], stored["rule"]) == (WYP, GMP, "officer_reassignment")
    assert "DC Patel" in stored["explanation"] and "victim has moved to Leeds" in stored["explanation"]
    [change] = jurisdiction.assignment_history(seeded, case)
    assert (change["kind"], change["by"], change["from"], change["to"], change["active"]) == ("officer", "DC Patel", GMP, WYP, True)
    assert change["reason"] == "victim has moved to Leeds" and change["at"] is not None

    undone = jurisdiction.undo_reassignment(seeded, case, by="DS Jones", reason="victim still lives in Manchester", policy=policies.jurisdiction)
    assert undone.owning_force == GMP
    officer, rules = jurisdiction.assignment_history(seeded, case)
    assert (officer["active"], officer["undone_by"], officer["undo_reason"]) == (False, "DS Jones", "victim still lives in Manchester")
    assert (rules["kind"], rules["from"], rules["to"]) == ("rules", WYP, GMP)


def test_reassignment_refuses_unknown_force_and_case(seeded: GraphPort, policies: Policies) -> None:
    _load(seeded, f.report("A"))
    case = _case(seeded, "A")
    with pytest.raises(jurisdiction.JurisdictionError, match="not a police force area code"):
        jurisdiction.reassign(seeded, case, "E99", by="PC", reason="r", policy=policies.jurisdiction)
    with pytest.raises(jurisdiction.JurisdictionError, match="no case"):
        jurisdiction.reassign(seeded, "nope", GMP, by="PC", reason="r", policy=policies.jurisdiction)
    with pytest.raises(jurisdiction.JurisdictionError, match="--by"):
        jurisdiction.reassign(seeded, case, GMP, by=" ", reason="r", policy=policies.jurisdiction)


def test_linked_series_across_forces_has_one_lead(seeded: GraphPort, policies: Policies) -> None:
    first = f.report("A", **f.victim_reporter("Ana Silva", "ana@example.org"), content=[f.post("https://x.com/troll_one/status/1111111111111111111")])
    first["reporter"]["postcode"], first["received_at"] = "M14 5RJ", "2026-10-01T10:00:00+00:00"
    second = f.report("B", **f.victim_reporter("Ana Silva", "ana@example.org"), content=[f.post("https://x.com/troll_one/status/1111111111111111999")])
    second["reporter"]["postcode"], second["received_at"] = "LS6 2AB", "2026-10-02T10:00:00+00:00"
    _load(seeded, first, second)
    a, b = _assign(seeded, policies, "A"), _assign(seeded, policies, "B")
    assert (a["owning_force"], b["owning_force"]) == (GMP, WYP)
    for stored in (a, b):
        assert (stored["series"], stored["series_lead_force"], stored["series_linked_forces"]) == (a["case"], GMP, [WYP])
        assert "leads the linked series of 2 cases" in stored["series_explanation"]


def test_export_lines(seeded: GraphPort, policies: Policies) -> None:
    _load(seeded, f.report("A", victims=[_victim("M14 5RJ")], suspects=[{"location": "LS6 2AB"}]), f.report("B"))
    jurisdiction.assign_cases(seeded, policy=policies.jurisdiction)
    lines, unassigned = jurisdiction.export_assignments(seeded)
    assert unassigned == 0
    by_reference = {line["reports"][0]["reference"]: line for line in lines}
    assert by_reference["A"] == {"case": _case(seeded, "A"), "owning_force": GMP, "investigating_force": WYP,
                                 "rule": "victim_home_force", "reports": [{"source": "public_web_form", "reference": "A"}]}
    assert (by_reference["B"]["owning_force"], by_reference["B"]["investigating_force"], by_reference["B"]["rule"]) == ("HUB", None, "hub_retains")


def test_rerun_changes_nothing(seeded: GraphPort, policies: Policies) -> None:
    from tests.integration.graph_helpers import fingerprint

    _load(seeded, f.report("A", victims=[_victim("M14 5RJ")], suspects=[{"location": "LS6 2AB"}]))
    jurisdiction.assign_cases(seeded, policy=policies.jurisdiction)
    before = fingerprint(seeded)
    seed_reference(seeded)
    jurisdiction.assign_cases(seeded, policy=policies.jurisdiction)
    assert fingerprint(seeded) == before
