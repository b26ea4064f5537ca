"""What one report will say before it is written out: who reports, through which source, about what."""

from __future__ import annotations

from dataclasses import dataclass

from .content import Item
from .identities import Account, Person

INDIVIDUAL_ROLES = ("victim", "witness", "third_party")


@dataclass(slots=True)
class Campaign:
    """The same text posted by several different accounts within hours."""

    id: str
    accounts: list[Account]
    victim: Person | None
    text: str
    start: int
    end: int


@dataclass(slots=True)
class Reporter:
    """Who makes a report: a person in a role, or an organisation (centre, platform, force, the hub)."""

    role: str
    person: Person | None = None
    organisation: str | None = None
    anonymous: bool = False
    careless: bool = False  # repeat complainants retype their details with slips


@dataclass(slots=True)
class ReportPlan:
    """Everything needed to write one report and its ground truth."""

    scenario: str
    source: str
    received: int
    reporter: Reporter
    victims: list[Person]
    self_report: bool
    items: list[Item]
    strands: tuple[str, ...]
    repeated: bool = False
    knows_suspect: bool = False
    referrer: str | None = None  # force code of a force referral, platform of a platform referral
    campaign: Campaign | None = None
    resubmission_of: ReportPlan | None = None
    place: str = ""  # where material without content was seen ("an online game")
    description: str = ""  # filled in when written out, so that a resubmission can rework it
    key: str = ""  # "SOURCE|REFERENCE", filled in when written out

    @property
    def individual(self) -> bool:
        """True when a person (not an organisation) made the report."""
        return self.reporter.person is not None and self.reporter.role in INDIVIDUAL_ROLES
