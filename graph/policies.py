"""The policies the assessment and jurisdiction services run under: loaded and validated once, then passed in."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from domain.jurisdiction_policy import JurisdictionPolicy, load_jurisdiction_policy
from domain.policy import AssessmentPolicy, load_assessment_policy

POLICY_DIR = Path(__file__).resolve().parent.parent / "policies"


@dataclass(frozen=True)
class Policies:
    """The assessment policy and the jurisdiction policy in force."""

    assessment: AssessmentPolicy
    jurisdiction: JurisdictionPolicy


def load_policies(directory: Path = POLICY_DIR) -> Policies:
    """Return both policies read from `directory`; raises PolicyError naming the file, YAML path and reason."""
    return Policies(
        assessment=load_assessment_policy(directory / "assessment.yaml"),
        jurisdiction=load_jurisdiction_policy(directory / "jurisdiction.yaml"),
    )
