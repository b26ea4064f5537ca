"""Who may do what: roles, their rights, and the scope a caller's reads are confined to.

Pure data and functions. The scope travels into every read query as `$scope`, so the database itself
returns only what the caller may see; resolvers check rights, they never filter data themselves.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum
from typing import Any


class Role(StrEnum):
    """The roles a user can hold."""

    FORCE_OFFICER = "force_officer"  # one force: its own cases and what they reach
    HUB_OFFICER = "hub_officer"  # triages reports, reviews duplicates, keeps complainants updated
    HUB_ANALYST = "hub_analyst"  # explores networks, reviews attributions
    HUB_LEAD = "hub_lead"  # watches trends and repeat offenders; may do any review
    AUDITOR = "auditor"  # the audit trail only
    INTAKE = "intake"  # a channel (web form, platform, third-party centre): submits reports only


class Right(StrEnum):
    """One thing a role may do."""

    READ_CASES = "read_cases"  # cases, reports, people, accounts, content, campaigns (within scope)
    READ_CONTACTS = "read_contacts"  # victims' and complainants' e-mail, phone and postcode
    SUBMIT_REPORTS = "submit_reports"
    REVIEW_DUPLICATES = "review_duplicates"
    REVIEW_ATTRIBUTIONS = "review_attributions"
    SHARE_CASES = "share_cases"
    READ_AUDIT = "read_audit"
    REFER_CONTENT = "refer_content"  # platform referrals: draft, send, record the platform's answer
    GENERATE_PACKAGES = "generate_packages"  # evidence packages for a case the caller may read
    SEND_UPDATES = "send_updates"  # complainant updates: send, record, suppress
    EXPORT_INTELLIGENCE = "export_intelligence"  # NIM intelligence reports: write, grade, export sanitised
    DISCLOSE_VICTIM_DATA = "disclose_victim_data"  # intelligence exported with victims' data (handling code allowing)
    EDIT_GUIDANCE = "edit_guidance"  # the advice library and the complainant update templates


ROLE_RIGHTS: dict[Role, frozenset[Right]] = {
    Role.FORCE_OFFICER: frozenset(
        {Right.READ_CASES, Right.READ_CONTACTS, Right.SUBMIT_REPORTS, Right.GENERATE_PACKAGES}
    ),
    Role.HUB_OFFICER: frozenset(
        {Right.READ_CASES, Right.READ_CONTACTS, Right.SUBMIT_REPORTS, Right.REVIEW_DUPLICATES, Right.SHARE_CASES,
         Right.REFER_CONTENT, Right.GENERATE_PACKAGES, Right.SEND_UPDATES}
    ),
    Role.HUB_ANALYST: frozenset({Right.READ_CASES, Right.REVIEW_ATTRIBUTIONS, Right.EXPORT_INTELLIGENCE}),
    Role.HUB_LEAD: frozenset(
        {Right.READ_CASES, Right.REVIEW_DUPLICATES, Right.REVIEW_ATTRIBUTIONS, Right.SHARE_CASES,
         Right.REFER_CONTENT, Right.GENERATE_PACKAGES, Right.EXPORT_INTELLIGENCE, Right.DISCLOSE_VICTIM_DATA,
         Right.EDIT_GUIDANCE}
    ),
    Role.AUDITOR: frozenset({Right.READ_AUDIT}),
    Role.INTAKE: frozenset({Right.SUBMIT_REPORTS}),
}

# The scope of the hub's own work (commands run by hub staff at the command line): the whole graph.
HUB_SCOPE: dict[str, Any] = {"all": True, "force": None}

# Roles that handle personal data must say why they consult or change it (DPA 2018 s62).
JUSTIFICATION_REQUIRED = frozenset({Role.FORCE_OFFICER, Role.HUB_OFFICER, Role.HUB_ANALYST, Role.HUB_LEAD})
MIN_JUSTIFICATION = 10
MAX_JUSTIFICATION = 500


class AccessDenied(Exception):
    """The caller's role does not allow this; the message says which right is missing."""


class JustificationMissing(AccessDenied):
    """A role that handles personal data gave no justification (or too short a one)."""


@dataclass(frozen=True)
class Principal:
    """The authenticated caller: a user, their role and, for a force officer, their force."""

    user: str
    role: Role
    force: str | None = None
    credential: str = ""  # the token's id (jti) or API key id, for rate limits and the audit trail

    def __post_init__(self) -> None:
        if self.role is Role.FORCE_OFFICER and not self.force:
            raise ValueError(f"user {self.user!r}: a force officer must be bound to a force")
        if self.role is not Role.FORCE_OFFICER and self.force:
            raise ValueError(f"user {self.user!r}: only a force officer is bound to a force")

    def can(self, right: Right) -> bool:
        """Return True when the role carries this right."""
        return right in ROLE_RIGHTS[self.role]

    def require(self, right: Right) -> None:
        """Raise AccessDenied naming the role and the right when the role lacks it."""
        if not self.can(right):
            raise AccessDenied(f"role {self.role.value} may not {_WORDS[right]}")

    @property
    def scope(self) -> dict[str, Any]:
        """The `$scope` parameter of every read query: the whole graph, or one force's cases."""
        return {"all": self.role is not Role.FORCE_OFFICER, "force": self.force}

    @property
    def contacts_withheld(self) -> str | None:
        """Why contact details are hidden from this caller, or None when they may see them."""
        if self.can(Right.READ_CONTACTS):
            return None
        return f"contact details are withheld from the {self.role.value} role: it does not contact victims"


def check_justification(principal: Principal, justification: str | None) -> str | None:
    """Return the cleaned justification; raise JustificationMissing when the role must give one and has not."""
    text = " ".join((justification or "").split())
    if len(text) > MAX_JUSTIFICATION:
        raise JustificationMissing(f"justification is longer than {MAX_JUSTIFICATION} characters")
    if principal.role in JUSTIFICATION_REQUIRED and len(text) < MIN_JUSTIFICATION:
        raise JustificationMissing(
            f"role {principal.role.value} must give a justification of at least {MIN_JUSTIFICATION} characters "
            "for consulting or changing personal data (X-Justification header or justification argument)"
        )
    return text or None


_WORDS = {
    Right.READ_CASES: "read cases, reports, people or accounts",
    Right.READ_CONTACTS: "see contact details",
    Right.SUBMIT_REPORTS: "submit reports",
    Right.REVIEW_DUPLICATES: "review duplicate decisions",
    Right.REVIEW_ATTRIBUTIONS: "review attributions",
    Right.SHARE_CASES: "share cases with forces",
    Right.READ_AUDIT: "read the audit trail",
    Right.REFER_CONTENT: "refer content to platforms",
    Right.GENERATE_PACKAGES: "generate evidence packages",
    Right.SEND_UPDATES: "send complainant updates",
    Right.EXPORT_INTELLIGENCE: "write or export intelligence reports",
    Right.DISCLOSE_VICTIM_DATA: "disclose victims' personal data in intelligence",
    Right.EDIT_GUIDANCE: "edit the advice library or update templates",
}
