"""The platforms directory (policies/platforms.yaml) as a validated, immutable model.

A platform referral goes to the platform's referral contact, names the platform policy that hateful content
breaches, and is due back within the platform's response target. The directory must cover every platform id the
intake normaliser knows, and a fallback entry serves any other platform.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from pathlib import Path
from typing import Annotated, Any

from pydantic import BaseModel, ConfigDict, Field, field_validator, model_validator

from .policy_files import PolicyError, read_policy_file, validate_policy

EMAIL = r"^[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(\.[A-Za-z0-9-]+)+$"
URL = r"^https?://[A-Za-z0-9.-]+(:[0-9]+)?(/\S*)?$"
MAX_RESPONSE_HOURS = 24 * 30
Text = Annotated[str, Field(min_length=1)]


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True, str_strip_whitespace=True)


def _url(value: str | None) -> str | None:
    if value is not None and not re.match(URL, value):
        raise ValueError(f"{value!r} is not a web address (https://...)")
    return value


class ReferralContact(_Strict):
    """Where referrals to a platform go: a functional mailbox, a reporting portal, or both."""

    email: str | None = None
    portal: str | None = None

    @field_validator("email")
    @classmethod
    def _email(cls, value: str | None) -> str | None:
        if value is not None and not re.match(EMAIL, value):
            raise ValueError(f"{value!r} is not an e-mail address")
        return value.lower() if value else value

    @field_validator("portal")
    @classmethod
    def _portal(cls, value: str | None) -> str | None:
        return _url(value)

    @model_validator(mode="after")
    def _one_channel(self) -> ReferralContact:
        if not self.email and not self.portal:
            raise ValueError("give an email or a portal (or both): a referral needs somewhere to go")
        return self

    def describe(self) -> str:
        """Return the contact in one line: e-mail and portal."""
        return " / ".join(part for part in (self.email, self.portal) if part)


class PlatformPolicy(_Strict):
    """The platform's own rule that hateful content breaches, by name, with its public page."""

    name: Text
    url: str | None = None

    @field_validator("url")
    @classmethod
    def _page(cls, value: str | None) -> str | None:
        return _url(value)

    def describe(self) -> str:
        """Return the policy in one line: its name, and its page where there is one."""
        return f"{self.name} ({self.url})" if self.url else self.name


class PlatformEntry(_Strict):
    """One platform: its name, referral contact, the policy breached, response target and trusted-flagger status."""

    name: Text
    contact: ReferralContact
    policy: PlatformPolicy
    response_hours: int = Field(ge=1, le=MAX_RESPONSE_HOURS)
    trusted_flagger: bool
    notes: str | None = None

    @model_validator(mode="before")
    @classmethod
    def _present(cls, data: Any) -> Any:
        if not data:
            raise ValueError("missing entry: give name, contact, policy, response_hours and trusted_flagger")
        return data


class PlatformDirectory(_Strict):
    """Every platform's referral entry by platform id, and the fallback entry's id."""

    version: str
    title: str
    fallback: Text = "other"
    platforms: dict[str, PlatformEntry] = Field(min_length=1)

    def entry_for(self, platform: str | None) -> PlatformEntry:
        """Return the platform's entry, or the fallback's for a platform without one of its own."""
        return self.platforms.get(platform or "", self.platforms[self.fallback])

    def has_own_entry(self, platform: str | None) -> bool:
        """Return whether the platform has an entry of its own (else the fallback serves it)."""
        return bool(platform) and platform in self.platforms and platform != self.fallback


def coverage_faults(directory: PlatformDirectory, known_platforms: Iterable[str]) -> list[str]:
    """Return what is missing from the directory: the fallback entry and each known platform's, with its YAML path."""
    faults = []
    if directory.fallback not in directory.platforms:
        faults.append(f"platforms: no entry for the fallback {directory.fallback!r}, used for any other platform")
    faults += [f"platforms: no entry for {platform!r}, a platform the intake normaliser knows"
               for platform in sorted(set(known_platforms)) if platform not in directory.platforms]
    return faults


def parse_platform_directory(data: Any, *, known_platforms: Iterable[str],
                             source: str = "platforms") -> PlatformDirectory:
    """Return the validated directory covering `known_platforms` and the fallback.

    Raises PolicyError naming the source, the entry and the field of each fault.
    """
    directory = validate_policy(PlatformDirectory, data, source=source)
    faults = coverage_faults(directory, known_platforms)
    if faults:
        raise PolicyError(f"{source}: " + "; ".join(faults))
    return directory


def load_platform_directory(path: str | Path, *, known_platforms: Iterable[str]) -> PlatformDirectory:
    """Return the validated directory read from a YAML file; raises PolicyError naming the entry and field."""
    return parse_platform_directory(read_policy_file(path), known_platforms=known_platforms, source=str(path))
