"""The policies the assessment and jurisdiction services run under: loaded and validated once, then passed in."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from domain.jurisdiction_policy import JurisdictionPolicy, load_jurisdiction_policy
from domain.leads import LeadsDirectory, load_leads_directory
from domain.platform_contacts import PlatformDirectory, load_platform_directory
from domain.policy import AssessmentPolicy, load_assessment_policy

POLICY_DIR = Path(__file__).resolve().parent.parent / "policies"
LEADS_FILE = "hate_crime_leads.yaml"
PLATFORMS_FILE = "platforms.yaml"


@dataclass(frozen=True)
class Policies:
    """The assessment policy, the jurisdiction policy and the forces' hate crime leads in force."""

    assessment: AssessmentPolicy
    jurisdiction: JurisdictionPolicy
    leads: LeadsDirectory
    platforms: PlatformDirectory  # platform referrals: contacts, the policy breached, response targets


def load_policies(directory: Path = POLICY_DIR) -> Policies:
    """Return the policies read from `directory`; raises PolicyError naming the file, YAML path and reason."""
    from graph.reference import force_rows
    from loaders.normalise.platforms import PLATFORM_DISPLAY_NAMES

    names = {row["code"]: row["name"] for row in force_rows()}
    return Policies(
        assessment=load_assessment_policy(directory / "assessment.yaml"),
        jurisdiction=load_jurisdiction_policy(directory / "jurisdiction.yaml"),
        leads=load_leads_directory(directory / LEADS_FILE, force_names=names),
        platforms=load_platform_directory(directory / PLATFORMS_FILE, known_platforms=PLATFORM_DISPLAY_NAMES),
    )
