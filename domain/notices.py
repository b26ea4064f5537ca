"""The words of an assignment notice: what a force's hate crime lead receives when a case is assigned to it.

Pure: built from plain values (the notice as stored and the case as it stands), no I/O.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

HUB_NAME = "the National Online Hate Crime Hub"
KIND_WORDS = {"rules": "by the jurisdiction rules", "reassignment": "by an officer's reassignment",
              "undo": "by the rules, after an officer's reassignment was undone"}


@dataclass(frozen=True)
class NoticeFacts:
    """What a notice says: the assignment (force, previous owner, why) and the case as it stands."""

    case_id: str
    force: str
    force_name: str
    previous: str | None
    previous_name: str | None
    kind: str
    by: str
    reason: str
    lead_name: str
    reports: int
    explanation: str | None = None
    investigating: str | None = None
    investigating_name: str | None = None
    classification: str | None = None
    priority: str | None = None
    charge_by: date | None = None
    hub_code: str = "HUB"
    advice: tuple[str, ...] = ()  # titles of the guidance matching the case, best first (graph/guidance.py)


def _named(code: str, name: str | None, hub_code: str) -> str:
    return HUB_NAME if code == hub_code else f"{name or code} ({code})"


def notice_subject(facts: NoticeFacts) -> str:
    """Return the one-line subject of the notice."""
    if facts.force == facts.hub_code:
        return f"Online hate case {facts.case_id}: retained by the hub"
    return f"Online hate case {facts.case_id}: assigned to {facts.force_name or facts.force}"


def _assessment_line(facts: NoticeFacts) -> str:
    if not facts.classification:
        return "Assessment: not assessed yet; the hub assesses every case and the result will be on the case."
    classification = {"crime": "crime", "nchi": "non-crime hate incident", "no_record": "no record"}
    words = classification.get(facts.classification, facts.classification)
    return f"Assessment: {words}, priority {facts.priority or 'not set'}."


def notice_text(facts: NoticeFacts) -> str:
    """Return the text a force's lead receives: the case, why this force, what is known of it, where to find it."""
    owner = _named(facts.force, facts.force_name, facts.hub_code)
    lines = [f"To: {facts.lead_name}", f"Subject: {notice_subject(facts)}", ""]
    how = KIND_WORDS.get(facts.kind, facts.kind)
    if facts.previous is None:
        lines.append(f"Case {facts.case_id} is now owned by {owner}: its first assignment, made {how}.")
    else:
        before = _named(facts.previous, facts.previous_name, facts.hub_code)
        lines.append(f"Case {facts.case_id} is now owned by {owner}, previously by {before}: changed {how}.")
    who = f" (decided by {facts.by})" if facts.by and facts.by != "rules" else ""
    lines.append(f"Why this force{who}: {facts.reason}")
    if facts.explanation and facts.explanation != facts.reason:
        lines.append(f"The assignment as recorded on the case: {facts.explanation}")
    if facts.investigating and facts.investigating != facts.force:
        investigating = _named(facts.investigating, facts.investigating_name, facts.hub_code)
        lines.append(f"Investigating force for suspect-side actions: {investigating}.")
    lines.append(f"Reports combined in this case: {facts.reports}.")
    lines.append(_assessment_line(facts))
    if facts.charge_by:
        lines.append(f"Charge by: {facts.charge_by:%d %B %Y} (summary-only offence: the time limit runs out then).")
    if facts.force == facts.hub_code:
        lines.append(f"The case stays with the hub pending enquiries; it is available through the hub's API as case {facts.case_id}.")
    else:
        lines.append(f"The case, its reports and the assessment are available to {facts.force_name or facts.force}'s "
                     f"officers through the hub's API (case {facts.case_id}).")
    if facts.advice:
        lines += ["", "Advice for this case, from the hub's guidance library (read it in the workbench or the API):"]
        lines += [f"- {title}" for title in facts.advice]
    return "\n".join(lines) + "\n"
