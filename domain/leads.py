"""The directory of forces' hate crime leads (policies/hate_crime_leads.yaml) as a validated, immutable model.

Assignment notices go to the lead of the force a case is assigned to; the hub's own entry (`HUB`) receives the
notices of the cases it retains. The directory must cover every police force area in the reference table.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from pathlib import Path
from typing import Annotated, Any

from pydantic import BaseModel, ConfigDict, Field, field_validator, model_validator

from .policy_files import PolicyError, read_policy_file, validate_policy

EMAIL = r"^[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(\.[A-Za-z0-9-]+)+$"
PHONE = r"^\+[1-9][0-9 ]{6,18}[0-9]$"
Text = Annotated[str, Field(min_length=1)]


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True, str_strip_whitespace=True)


class LeadContact(_Strict):
    """A force's hate crime lead: the team or role (`name`), a functional mailbox, a phone, optional notes."""

    force: Text
    name: Text
    email: str
    phone: str
    notes: str | None = None

    @model_validator(mode="before")
    @classmethod
    def _present(cls, data: Any) -> Any:
        if not data:
            raise ValueError("missing contact: give force, name, email and phone")
        return data

    @field_validator("email")
    @classmethod
    def _email(cls, value: str) -> str:
        if not re.match(EMAIL, value):
            raise ValueError(f"{value!r} is not an e-mail address")
        return value.lower()

    @field_validator("phone")
    @classmethod
    def _phone(cls, value: str) -> str:
        if not re.match(PHONE, value):
            raise ValueError(f"{value!r} is not a phone number in international form (+44 20 7946 0123)")
        return value

    def as_row(self) -> dict[str, str | None]:
        """Return the contact as plain values, as a notice keeps it."""
        return {"name": self.name, "email": self.email, "phone": self.phone, "notes": self.notes}


class LeadsDirectory(_Strict):
    """Every force's hate crime lead by force code, and the hub's own entry under `hub_code`."""

    version: str
    title: str
    hub_code: Text = "HUB"
    leads: dict[str, LeadContact] = Field(min_length=1)

    def contact_for(self, code: str) -> LeadContact:
        """Return the lead for a force code (or the hub code); KeyError names the code when there is none."""
        try:
            return self.leads[code]
        except KeyError:
            raise KeyError(f"no hate crime lead for {code!r} in the directory") from None


def coverage_faults(directory: LeadsDirectory, force_names: Mapping[str, str]) -> list[str]:
    """Return what is wrong between the directory and the reference force areas, each fault with its YAML path."""
    faults = []
    for code, contact in directory.leads.items():
        if code == directory.hub_code:
            continue
        if code not in force_names:
            faults.append(f"leads.{code}: unknown force code (not in reference/police_force_areas.csv)")
        elif contact.force != force_names[code]:
            faults.append(f"leads.{code}.force: says {contact.force!r} but {code} is {force_names[code]!r} "
                          "in reference/police_force_areas.csv (a mistyped code?)")
    if directory.hub_code not in directory.leads:
        faults.append(f"leads: no entry for the hub itself ({directory.hub_code}), which receives the cases it retains")
    faults += [f"leads: no entry for {code} {name}" for code, name in force_names.items() if code not in directory.leads]
    return faults


def parse_leads_directory(data: Any, *, force_names: Mapping[str, str], source: str = "hate crime leads") -> LeadsDirectory:
    """Return the validated directory, covering exactly the forces in `force_names` (code -> name) and the hub.

    Raises PolicyError naming the source, the entry and the field of each fault.
    """
    directory = validate_policy(LeadsDirectory, data, source=source)
    faults = coverage_faults(directory, force_names)
    if faults:
        raise PolicyError(f"{source}: " + "; ".join(faults))
    return directory


def load_leads_directory(path: str | Path, *, force_names: Mapping[str, str]) -> LeadsDirectory:
    """Return the validated directory read from a YAML file; raises PolicyError naming the entry and field."""
    return parse_leads_directory(read_policy_file(path), force_names=force_names, source=str(path))
