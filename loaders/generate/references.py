"""Each sending system's own reference numbers, unique per source, in the formats those systems use."""

from __future__ import annotations

import random
import time

from .places import FORCE_ABBREVIATIONS
from .vocabulary import PLATFORM_REFERENCE_PREFIX


class ReferenceBook:
    """Hands out references: WEB-2026-000101, FR-WMP-2026-5521, TPC-88213, META-2026-0412345, HUB-2026-00042."""

    def __init__(self, rng: random.Random) -> None:
        self._rng = rng
        self._web = 100
        self._centre = rng.randint(10000, 80000)
        self._hub = 0
        self._forces: dict[str, int] = {}
        self._platforms: dict[str, int] = {}

    def next(self, source: str, received: int, referrer: str | None) -> str:
        """Return a new reference for a report from the source, received at the given epoch second."""
        rng = self._rng
        year = time.gmtime(received).tm_year
        if source == "public_web_form":
            self._web += rng.randint(1, 3)
            return f"WEB-{year}-{self._web:06d}"
        if source == "force_referral":
            force = referrer or ""
            number = self._forces.get(force) or rng.randint(1000, 5000)
            self._forces[force] = number + rng.randint(1, 4)
            return f"FR-{FORCE_ABBREVIATIONS.get(force, 'UNK')}-{year}-{self._forces[force]}"
        if source == "third_party_centre":
            self._centre += rng.randint(1, 5)
            return f"TPC-{self._centre}"
        if source == "platform_referral":
            prefix = PLATFORM_REFERENCE_PREFIX.get(referrer or "", "PLT")
            number = self._platforms.get(prefix) or rng.randint(10**5, 10**6)
            self._platforms[prefix] = number + rng.randint(1, 50)
            return f"{prefix}-{year}-{self._platforms[prefix]:07d}"
        self._hub += 1
        return f"HUB-{year}-{self._hub:05d}"
