"""The jurisdiction policy file (policies/jurisdiction.yaml) as validated, immutable Pydantic models."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated, Any, Literal

from pydantic import AfterValidator, BaseModel, ConfigDict, Field, model_validator

from .conditions import PathError
from .policy_files import allowing, read_policy_file, validate_policy

TIE_BREAK_STEPS = (
    "lead_force_most_victims",
    "lead_force_suspect_force",
    "lead_force_earliest_report",
    "lead_force_lowest_code",
)
OwnerWhen = Literal["victim_located", "suspect_located", "always"]
InvestigatingWhen = Literal["suspect_in_other_force", "suspect_located", "always"]
Name = Annotated[str, Field(pattern=r"^[a-z][a-z0-9_]*$")]


def _explain(*names: str) -> Any:
    return Annotated[str, Field(min_length=1), AfterValidator(allowing(*names))]


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class OwnerRule(_Strict):
    """A rule naming the owning force: the victims', the suspects', or the hub."""

    name: Name
    when: OwnerWhen
    owner: Literal["victim_force", "suspect_force", "hub"]
    explain: _explain("owner", "victim_places", "suspect_places", "tie_break")

    @model_validator(mode="after")
    def _coherent(self) -> OwnerRule:
        needs = {"victim_force": "victim_located", "suspect_force": "suspect_located"}.get(self.owner)
        if needs and self.when != needs:
            raise PathError("when", f"owner {self.owner} needs `when: {needs}`")
        return self


class InvestigatingRule(_Strict):
    """A rule naming the investigating force for suspect-side actions: the suspects', the owner, or none."""

    name: Name
    when: InvestigatingWhen
    investigating: Literal["suspect_force", "owner", "none"]
    explain: _explain("owner", "investigating", "suspect_places")

    @model_validator(mode="after")
    def _coherent(self) -> InvestigatingRule:
        if self.investigating == "suspect_force" and self.when == "always":
            raise PathError("when", "investigating suspect_force needs a located suspect")
        return self


class TieBreakStep(_Strict):
    name: Literal[TIE_BREAK_STEPS]  # type: ignore[valid-type]
    explain: _explain("force", "victims")


class TieBreak(_Strict):
    """The order in which ties between forces are broken; the last step always decides."""

    explain: _explain("count", "forces", "force", "decision")
    steps: list[TieBreakStep] = Field(min_length=1)

    @model_validator(mode="after")
    def _ends_decisively(self) -> TieBreak:
        names = [step.name for step in self.steps]
        for i, name in enumerate(names):
            if name in names[:i]:
                raise PathError(f"steps[{i}].name", f"step {name} appears twice")
        if names[-1] != "lead_force_lowest_code":
            last = f"steps[{len(names) - 1}].name"
            raise PathError(last, "the last step must be lead_force_lowest_code, which always decides")
        return self


class LeadForceText(_Strict):
    explain: _explain("lead", "cases", "linked", "reason")


class Places(_Strict):
    """How a person's whereabouts are written in explanations."""

    in_force: _explain("force", "source")
    in_uk_no_force: _explain("source")
    abroad: _explain("country", "source")
    unknown: _explain("source")
    none: _explain()


class JurisdictionPolicy(_Strict):
    """The whole jurisdiction policy: owner rules, investigating rules, tie-break, and the words."""

    version: str
    title: str
    hub_code: str = Field(min_length=1)
    home_countries: list[Annotated[str, Field(pattern=r"^[A-Z]{2}$")]] = Field(min_length=1)
    owner_rules: list[OwnerRule] = Field(min_length=1)
    investigating_rules: list[InvestigatingRule] = Field(min_length=1)
    tie_break: TieBreak
    lead_force: LeadForceText
    places: Places
    uncertain: _explain("places")

    @model_validator(mode="after")
    def _fallbacks(self) -> JurisdictionPolicy:
        for key in ("owner_rules", "investigating_rules"):
            rules = getattr(self, key)
            for i, rule in enumerate(rules):
                if rule.when == "always" and i != len(rules) - 1:
                    reason = "only the last rule may be `always`; the rules after it could never apply"
                    raise PathError(f"{key}[{i}].when", reason)
            if rules[-1].when != "always":
                reason = "the last rule must be `when: always`, so that every case is decided"
                raise PathError(f"{key}[{len(rules) - 1}].when", reason)
        names = [r.name for r in (*self.owner_rules, *self.investigating_rules)]
        for name in names:
            if names.count(name) > 1:
                raise PathError("owner_rules", f"rule name {name} is used twice")
        return self


def parse_jurisdiction_policy(data: Any, *, source: str = "jurisdiction policy") -> JurisdictionPolicy:
    """Return the validated jurisdiction policy from parsed YAML; raises PolicyError naming the YAML path."""
    return validate_policy(JurisdictionPolicy, data, source=source)


def load_jurisdiction_policy(path: str | Path) -> JurisdictionPolicy:
    """Return the validated jurisdiction policy read from a YAML file; raises PolicyError naming the YAML path."""
    return parse_jurisdiction_policy(read_policy_file(path), source=str(path))
