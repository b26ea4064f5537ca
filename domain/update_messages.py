"""The words of complainant updates: the key events, the reasons for no further action, and the templates.

Pure: no I/O. A template is Markdown with YAML front matter between `---` lines (`title`, `subject`), its
subject and body carrying `{placeholders}` from PLACEHOLDERS; a hub lead may edit it (graph/documents.py checks
an edited body with `check_template`). `render` fills a template with the facts of one update.
"""

from __future__ import annotations

import string
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

import yaml

HUB_NAME = "the National Online Hate Crime Hub"

# The key events a complainant is told about, in the order they usually happen, with what each means.
EVENTS: dict[str, str] = {
    "received": "the hub received the report",
    "combined": "the report was combined with other reports of the same material or conduct",
    "assigned": "the case was assigned to a police force",
    "referred": "the hub referred the reported content to the platform hosting it",
    "content_removed": "reported content was removed from the platform",
    "suspect_identified": "the hub linked an account named in the case to a person",
    "no_further_action": "no enforcement action is possible, with the reason",
}

PLACEHOLDERS: dict[str, str] = {
    "name": "the complainant's name as they gave it (\"Sir or Madam\" when none was given)",
    "reference": "the reference the complainant's report was sent with",
    "received_on": "the date the hub received the report (1 October 2026)",
    "event_on": "the date of the event the update is about",
    "case": "the hub's case reference",
    "reports_in_case": "how many reports the case now combines",
    "force": "the police force the case is assigned to",
    "platform": "the platform(s) the content was referred to or removed from",
    "reason": "for no further action: the reason, in plain words",
    "hub": "the hub's name",
}

_RULE_REASONS: dict[str, str] = {
    "not_hate": (
        "no criminal offence is made out, and nothing reported shows hostility because of race, religion, "
        "sexual orientation, disability or transgender identity, so it cannot be recorded as a hate crime or a "
        "hate incident"),
    "nchi_switched_off": (
        "no criminal offence is made out; hostility was perceived, but non-crime hate incidents are not being "
        "recorded at present"),
    "no_basis_for_hostility": (
        "no criminal offence is made out, and the material as reported does not show the deliberate hostility "
        "needed to record a hate incident (such as a threat, publishing someone's personal details, repeated "
        "contact, or clearly abusive material)"),
    "malicious_or_irrational": (
        "no criminal offence is made out, and after review the report could not be recorded as a hate incident "
        "under the national code of practice"),
    "lawful_expression_only": (
        "no criminal offence is made out: the material expresses views, debate or humour that, however "
        "offensive, the law protects, so it cannot be recorded as a hate incident"),
}
_NCHI_REASON = (
    "it has been recorded as a non-crime hate incident: hostility was perceived, but no criminal offence is made "
    "out, so no one can be charged or prosecuted for it")
_DEFAULT_REASON = "no criminal offence is made out, so the police cannot take enforcement action"


def no_further_action_reason(classification: str, rule: str | None) -> str:
    """Return, in plain words for the complainant, why no enforcement action is possible for this assessment."""
    if classification == "nchi":
        return _NCHI_REASON
    return _RULE_REASONS.get(rule or "", _DEFAULT_REASON)


def check_template(body: str) -> None:
    """Raise ValueError naming any unknown or badly formed placeholder in a template's text."""
    try:
        parts = list(string.Formatter().parse(body))
    except ValueError as error:
        raise ValueError(f"badly formed placeholder ({error}); write a literal brace as {{{{ or }}}}") from None
    for _, name, spec, conversion in parts:
        if name is None:
            continue
        if name not in PLACEHOLDERS:
            known = ", ".join("{" + known + "}" for known in PLACEHOLDERS)
            raise ValueError(f"unknown placeholder {{{name}}} (known: {known})")
        if spec or conversion:
            raise ValueError(f"placeholder {{{name}}} must be written plainly, without a format or conversion")


@dataclass(frozen=True)
class UpdateTemplate:
    """One event's template: a title (for the hub lead's list), the message subject and its Markdown body."""

    event: str
    title: str
    subject: str
    body: str


def parse_template(event: str, text: str, *, source: str) -> UpdateTemplate:
    """Return the template in a shipped file's text; ValueError naming the source and field of any fault."""
    if event not in EVENTS:
        raise ValueError(f"{source}: {event!r} is not a key event ({', '.join(EVENTS)})")
    lines = text.lstrip("\ufeff").splitlines()
    try:
        end = lines.index("---", 1) if lines and lines[0].strip() == "---" else -1
    except ValueError:
        end = -1
    if end < 0:
        raise ValueError(f"{source}: the front matter (title, subject) must open and close with a --- line")
    try:
        meta: Any = yaml.safe_load("\n".join(lines[1:end])) or {}
    except yaml.YAMLError as error:
        raise ValueError(f"{source}: front matter is not valid YAML: {error}") from None
    if not isinstance(meta, dict):
        raise ValueError(f"{source}: front matter must be a mapping with title and subject")
    for name in ("title", "subject"):
        if not isinstance(meta.get(name), str) or not meta[name].strip():
            raise ValueError(f"{source}: front matter {name} is missing or empty")
    template = UpdateTemplate(event, meta["title"].strip(), meta["subject"].strip(),
                              "\n".join(lines[end + 1:]).strip() + "\n")
    for field in ("subject", "body"):
        try:
            check_template(getattr(template, field))
        except ValueError as error:
            raise ValueError(f"{source}: {field}: {error}") from None
    return template


def render(template: UpdateTemplate, facts: Mapping[str, Any]) -> tuple[str, str]:
    """Return the (subject, body) of an update: the template filled with the facts (missing ones say so)."""
    values = {name: "(not known)" for name in PLACEHOLDERS}
    values["hub"] = HUB_NAME
    values.update({name: str(value) for name, value in facts.items() if value is not None and name in PLACEHOLDERS})
    check_template(template.subject)
    check_template(template.body)
    return template.subject.format_map(values), template.body.format_map(values)


@dataclass(frozen=True)
class ContactWishes:
    """How a complainant may be contacted, as they said at intake, and which addresses the hub holds."""

    anonymous: bool
    consent: bool
    preferred: str | None  # email, phone, post, none, or None when not said
    has_email: bool
    has_phone: bool
    has_postcode: bool


CHANNEL_WORDS = {"email": "e-mail address", "phone": "phone number", "post": "postal address (postcode)"}


def contact_route(wishes: ContactWishes) -> tuple[str | None, str | None]:
    """Return (channel, None) for how to send an update, or (None, why the complainant cannot be contacted).

    Anonymity, consent and the preferred channel are respected: an anonymous reporter, one who did not agree to
    updates or asked for none is never contacted; a preferred channel with no address held is not replaced by
    another one. With no preference, e-mail is used, else phone.
    """
    if wishes.anonymous:
        return None, "anonymous reporter: the hub has no way to contact them and must not try"
    if not wishes.consent:
        return None, "the reporter did not agree to be contacted with updates"
    if wishes.preferred == "none":
        return None, "the reporter asked not to be contacted"
    held = {"email": wishes.has_email, "phone": wishes.has_phone, "post": wishes.has_postcode}
    if wishes.preferred in held:
        if held[wishes.preferred]:
            return wishes.preferred, None
        return None, f"the reporter prefers {wishes.preferred} but no {CHANNEL_WORDS[wishes.preferred]} is held"
    for channel in ("email", "phone"):
        if held[channel]:
            return channel, None
    return None, "no e-mail address or phone number is held for the reporter"
