"""The National Intelligence Model's 3x5x2 grading: its codes and meanings, validation, a suggestion, and the rule
for victims' data.

Pure rules. An analyst always decides the grading; the suggestion made from the evidence is recorded beside the
choice, so a reader can see where the analyst agreed with the machine and where not. Sanitisation of victims'
and complainants' details is in `domain/nim_sanitise.py`.
(College of Policing APP, intelligence management: https://www.college.police.uk/app/intelligence-management)
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

MAX_CONDITIONS = 1000


class SourceEvaluation(StrEnum):
    """How reliable the source is."""

    RELIABLE = "1"
    UNTESTED = "2"
    NOT_RELIABLE = "3"

    @property
    def meaning(self) -> str:
        """The grade in words."""
        return {"1": "reliable", "2": "untested", "3": "not reliable"}[self.value]


class IntelligenceAssessment(StrEnum):
    """How the source came to know the intelligence, and whether it is believed."""

    KNOWN_DIRECTLY = "A"
    CORROBORATED = "B"
    KNOWN_INDIRECTLY = "C"
    NOT_KNOWN = "D"
    SUSPECTED_FALSE = "E"

    @property
    def meaning(self) -> str:
        """The grade in words."""
        return {
            "A": "known directly to the source", "B": "known indirectly to the source but corroborated",
            "C": "known indirectly to the source", "D": "not known", "E": "suspected to be false",
        }[self.value]


class HandlingCode(StrEnum):
    """Whether the intelligence may be shared lawfully, and on what terms."""

    PERMITTED = "P"
    CONDITIONS = "C"

    @property
    def meaning(self) -> str:
        """The code in words."""
        return {"P": "lawful sharing permitted",
                "C": "lawful sharing permitted with conditions (the conditions travel with it)"}[self.value]


class GradingError(ValueError):
    """A grading breaks the 3x5x2 rules; the message names the field and the reason."""


@dataclass(frozen=True)
class Grading:
    """A valid 3x5x2 grading, with any warnings a reader must see (an E grade)."""

    source: SourceEvaluation
    assessment: IntelligenceAssessment
    handling: HandlingCode
    conditions: str | None
    flags: tuple[str, ...] = ()

    @property
    def code(self) -> str:
        """The grading as it is written: `2/B/C`."""
        return f"{self.source.value}/{self.assessment.value}/{self.handling.value}"


def _member(kind: type[StrEnum], field: str, value: object) -> StrEnum:
    text = str(value).strip().upper() if value is not None else ""
    try:
        return kind(text)
    except ValueError:
        allowed = ", ".join(f"{item.value} ({item.meaning})" for item in kind)  # type: ignore[attr-defined]
        raise GradingError(f"{field}: {value!r} is not a grade; use one of {allowed}") from None


def validate_grading(source: object, assessment: object, handling: object, conditions: str | None) -> Grading:
    """Return the grading checked against the rules, or raise GradingError naming the field at fault.

    Handling code C needs its conditions (they travel with the intelligence); P must carry none, since P means
    sharing without conditions. An E grade (suspected to be false) is allowed but flagged.
    """
    graded_source = _member(SourceEvaluation, "source", source)
    graded_assessment = _member(IntelligenceAssessment, "assessment", assessment)
    code = _member(HandlingCode, "handling", handling)
    text = " ".join((conditions or "").split()) or None
    if code is HandlingCode.CONDITIONS and not text:
        raise GradingError("conditions: handling code C needs the conditions of sharing, which travel with it")
    if code is HandlingCode.PERMITTED and text:
        raise GradingError("conditions: handling code P permits sharing without conditions; "
                           "use C to attach conditions, or give none")
    if text and len(text) > MAX_CONDITIONS:
        raise GradingError(f"conditions: longer than {MAX_CONDITIONS} characters")
    flags: tuple[str, ...] = ()
    if graded_assessment is IntelligenceAssessment.SUSPECTED_FALSE:
        flags = ("graded E: suspected to be false; do not act on it without corroboration",)
    return Grading(graded_source, graded_assessment, code, text, flags)  # type: ignore[arg-type]


@dataclass(frozen=True)
class GradingEvidence:
    """What the graph says about how the intelligence is known, for the suggestion."""

    subject_kind: str  # person, account or campaign
    reports: int  # reports behind the intelligence
    independent_reporters: int  # distinct people who reported it
    screenshot_hashes: int  # content items captured with a SHA-256 hash
    confirmed_attribution: bool  # an attribution of the subject's accounts confirmed by a reviewer
    attribution_confidence: float | None = None  # the lowest confidence of the subject's accounts (persons)


@dataclass(frozen=True)
class Suggestion:
    """The grading the evidence points to, and why, recorded beside the analyst's choice."""

    source: SourceEvaluation
    assessment: IntelligenceAssessment
    reason: str


STRONG_ATTRIBUTION = 0.9


def suggest_grading(evidence: GradingEvidence) -> Suggestion:
    """Return the source evaluation and assessment the evidence suggests, with the reason in words.

    Source: 1 when the material itself was captured with a hash, or a reviewer confirmed the attribution;
    otherwise 2 (reports from the public, untested). 3 is never suggested: only an analyst judges a source
    unreliable. Assessment: A when captured material ties the intelligence to its subject directly; B when two or
    more people reported it independently or the attribution is confirmed or strong; C for a single report;
    D when no report stands behind it. E is never suggested.
    """
    reasons: list[str] = []
    if evidence.screenshot_hashes:
        source = SourceEvaluation.RELIABLE
        reasons.append(f"{evidence.screenshot_hashes} content item(s) captured with a SHA-256 hash: "
                       "the material itself is the source (1)")
    elif evidence.confirmed_attribution:
        source = SourceEvaluation.RELIABLE
        reasons.append("the attribution was confirmed by a hub reviewer (1)")
    else:
        source = SourceEvaluation.UNTESTED
        reasons.append("reports from the public, not yet tested (2)")
    tied = evidence.subject_kind != "person" or evidence.confirmed_attribution
    strong = evidence.attribution_confidence is not None and evidence.attribution_confidence >= STRONG_ATTRIBUTION
    if evidence.screenshot_hashes and tied:
        assessment = IntelligenceAssessment.KNOWN_DIRECTLY
        reasons.append("captured material ties it to the subject directly (A)")
    elif evidence.independent_reporters >= 2 or evidence.confirmed_attribution or (strong and evidence.reports):
        assessment = IntelligenceAssessment.CORROBORATED
        why = (f"{evidence.independent_reporters} people reported it independently"
               if evidence.independent_reporters >= 2 else "the attribution is confirmed or strong")
        reasons.append(f"{why} (B)")
    elif evidence.reports:
        assessment = IntelligenceAssessment.KNOWN_INDIRECTLY
        reasons.append("a single report, not corroborated (C)")
    else:
        assessment = IntelligenceAssessment.NOT_KNOWN
        reasons.append("no report stands behind it (D)")
    return Suggestion(source, assessment, "; ".join(reasons))


def victim_data_refusal(handling: str | None, conditions: str | None) -> str | None:
    """Return why a graded report may not carry victims' data out, or None when its handling code allows it.

    The rule: only handling code P (lawful sharing permitted) lets victims' and complainants' details go out,
    and only to a caller holding the right to disclose them. A C code's conditions are free text that no rule can
    read reliably, so they never count as permission: an analyst who means victims' data to go regrades to P,
    and that regrading is itself recorded. An ungraded report never goes out at all.
    """
    if handling == HandlingCode.PERMITTED.value:
        return None
    if handling == HandlingCode.CONDITIONS.value:
        return f"handling code C (conditions: {conditions or 'none given'}) does not permit victims' data"
    return "the report is not graded"
