"""What the rules engines know about a case: the facts aggregated from all its reports.

The graph code builds a `CaseFacts` from the reports of one case; the assessment engine reads nothing else.
The vocabularies below are those of `contracts/report.schema.json`, so a fact the intake cannot produce is
refused here rather than silently ignored by a rule.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime

INDICATORS: tuple[str, ...] = (
    "threat_of_violence",
    "threat_to_kill",
    "sexual_threat",
    "repeated_contact",
    "personal_details_published",
    "incitement",
    "victim_fears_violence",
    "victim_distressed",
)
STRANDS: tuple[str, ...] = ("race", "religion", "sexual_orientation", "disability", "transgender", "other")
CONTENT_KINDS: tuple[str, ...] = (
    "post",
    "reply",
    "comment",
    "direct_message",
    "group_message",
    "profile",
    "image",
    "video",
    "livestream",
    "other",
)
UK_NATIONS: tuple[str, ...] = ("england", "wales", "scotland", "northern_ireland")
NATIONS: tuple[str, ...] = (*UK_NATIONS, "abroad", "unknown")


@dataclass(frozen=True)
class CaseFacts:
    """The inputs of an assessment, aggregated over every report in one case.

    - `strands`: characteristics any report perceived as targeted (`targeted_characteristics`).
    - `indicators`: the report indicators that any report set true.
    - `content_kinds`: the `content[].kind` values reported; empty when no online material was given.
    - `max_occasions_by_one_account`: the most distinct content items sent by one account against the same
      victim (the course-of-conduct count).
    - `max_audience`: the largest `audience_size` reported, None when none was given.
    - `public_content`: some item was posted where the public or a wide audience could see it (a post,
      reply, comment, profile, image, video or livestream), as opposed to a direct or group message.
    - `victim_nations`: where the victims live (england, wales, scotland, northern_ireland, abroad, unknown).
    - `findings`: what an assessing officer has recorded about the material after reading it, from the
      `findings` vocabulary of the assessment policy (e.g. `grossly_offensive`); the reporter's form cannot
      say these things, so without them the engine leaves the matching elements missing.
    """

    case_id: str
    report_count: int
    first_received_at: datetime
    strands: frozenset[str] = frozenset()
    indicators: frozenset[str] = frozenset()
    content_kinds: frozenset[str] = frozenset()
    platforms: frozenset[str] = frozenset()
    max_occasions_by_one_account: int = 0
    max_audience: int | None = None
    public_content: bool = False
    victim_count: int = 0
    vulnerable_victim: bool = False
    under_18_victim: bool = False
    victim_nations: frozenset[str] = frozenset()
    subject_identified: bool = False
    earliest_incident_at: datetime | None = None
    latest_incident_at: datetime | None = None
    findings: frozenset[str] = field(default_factory=frozenset)

    def __post_init__(self) -> None:
        for name, known in (
            ("strands", STRANDS),
            ("indicators", INDICATORS),
            ("content_kinds", CONTENT_KINDS),
            ("victim_nations", NATIONS),
        ):
            unknown = sorted(set(getattr(self, name)) - set(known))
            if unknown:
                raise ValueError(
                    f"CaseFacts {self.case_id}: {name} has unknown value(s) {unknown}; known: {', '.join(known)}"
                )
        if self.report_count < 1:
            raise ValueError(f"CaseFacts {self.case_id}: report_count must be at least 1, got {self.report_count}")
        if self.max_occasions_by_one_account < 0 or self.victim_count < 0:
            raise ValueError(f"CaseFacts {self.case_id}: counts cannot be negative")
