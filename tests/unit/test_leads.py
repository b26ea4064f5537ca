"""The directory of forces' hate crime leads: it loads, covers every force, and refuses bad entries clearly."""

from __future__ import annotations

import copy
from pathlib import Path
from typing import Any

import pytest
import yaml

from domain.leads import LeadsDirectory, load_leads_directory, parse_leads_directory
from domain.policy_files import PolicyError
from graph.reference import force_rows

ROOT = Path(__file__).resolve().parents[2]
DIRECTORY = ROOT / "policies" / "hate_crime_leads.yaml"
GMP = "E23000005"


@pytest.fixture(scope="module")
def force_names() -> dict[str, str]:
    return {row["code"]: row["name"] for row in force_rows(ROOT / "reference")}


@pytest.fixture(scope="module")
def shipped_data() -> dict[str, Any]:
    return yaml.safe_load(DIRECTORY.read_text(encoding="utf-8"))


@pytest.fixture
def data(shipped_data: dict[str, Any]) -> dict[str, Any]:
    return copy.deepcopy(shipped_data)


def test_the_shipped_directory_loads(force_names) -> None:
    directory = load_leads_directory(DIRECTORY, force_names=force_names)
    gmp = directory.contact_for(GMP)
    assert (gmp.force, gmp.email) == ("Greater Manchester", "hate.crime.lead@greater-manchester.police.example")
    assert gmp.phone.startswith("+44 20 7946 0")
    assert directory.contact_for("HUB").name


def test_every_reference_force_has_an_entry(force_names) -> None:
    directory = load_leads_directory(DIRECTORY, force_names=force_names)
    assert len(force_names) == 45
    assert [code for code in force_names if code not in directory.leads] == []
    assert set(directory.leads) == {*force_names, "HUB"}


def test_demo_contacts_are_clearly_fictional(force_names) -> None:
    directory: LeadsDirectory = load_leads_directory(DIRECTORY, force_names=force_names)
    for code, contact in directory.leads.items():
        assert contact.email.endswith(".police.example"), code
        assert contact.phone.startswith("+44 20 7946 0"), code  # Ofcom's drama range
    assert len({contact.email for contact in directory.leads.values()}) == len(directory.leads)


def _refused(data: dict[str, Any], force_names: dict[str, str]) -> str:
    with pytest.raises(PolicyError) as caught:
        parse_leads_directory(data, force_names=force_names, source="hate_crime_leads.yaml")
    return str(caught.value)


def test_unknown_force_code_is_named(data, force_names) -> None:
    data["leads"]["E23000099"] = data["leads"][GMP]
    assert "leads.E23000099: unknown force code" in _refused(data, force_names)


def test_missing_contact_is_named(data, force_names) -> None:
    data["leads"][GMP] = None
    assert f"leads.{GMP}: missing contact" in _refused(data, force_names)


def test_missing_field_is_named(data, force_names) -> None:
    del data["leads"][GMP]["phone"]
    assert f"leads.{GMP}.phone: Field required" in _refused(data, force_names)


@pytest.mark.parametrize("email", ["hate crime lead", "lead@", "lead@localhost", "@gmp.police.example"])
def test_bad_email_is_named(data, force_names, email) -> None:
    data["leads"][GMP]["email"] = email
    assert f"leads.{GMP}.email: {email!r} is not an e-mail address" in _refused(data, force_names)


def test_bad_phone_is_named(data, force_names) -> None:
    data["leads"][GMP]["phone"] = "020 7946 0005"
    assert f"leads.{GMP}.phone: '020 7946 0005' is not a phone number" in _refused(data, force_names)


def test_a_force_missing_from_the_directory_is_named(data, force_names) -> None:
    del data["leads"]["E23000007"]
    assert "leads: no entry for E23000007 Northumbria" in _refused(data, force_names)


def test_the_hub_needs_its_own_entry(data, force_names) -> None:
    del data["leads"]["HUB"]
    assert "no entry for the hub itself (HUB)" in _refused(data, force_names)


def test_a_name_that_does_not_match_the_code_is_caught(data, force_names) -> None:
    data["leads"][GMP]["force"] = "West Yorkshire"
    assert f"leads.{GMP}.force: says 'West Yorkshire' but {GMP} is 'Greater Manchester'" in _refused(data, force_names)


def test_an_unreadable_file_names_the_file(tmp_path: Path, force_names) -> None:
    bad = tmp_path / "hate_crime_leads.yaml"
    bad.write_text("leads: [not, a, mapping")
    with pytest.raises(PolicyError, match="hate_crime_leads.yaml: not valid YAML"):
        load_leads_directory(bad, force_names=force_names)


def test_a_broken_directory_stops_the_policies_loading_at_start(tmp_path: Path) -> None:
    import shutil

    from graph.policies import POLICY_DIR, load_policies

    for name in ("assessment.yaml", "jurisdiction.yaml", "platforms.yaml"):
        shutil.copy(POLICY_DIR / name, tmp_path / name)
    data = yaml.safe_load((POLICY_DIR / "hate_crime_leads.yaml").read_text())
    leads = dict(data["leads"])
    del leads["E23000005"]
    (tmp_path / "hate_crime_leads.yaml").write_text(yaml.safe_dump({**data, "leads": leads}))
    with pytest.raises(PolicyError, match="no entry for E23000005"):
        load_policies(tmp_path)
    shutil.copy(POLICY_DIR / "hate_crime_leads.yaml", tmp_path / "hate_crime_leads.yaml")
    assert load_policies(tmp_path).leads.contact_for("E23000005").email
