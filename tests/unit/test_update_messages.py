"""Complainant update words: shipped templates, placeholders, rendering, no-further-action reasons, contact."""

from __future__ import annotations

from pathlib import Path

import pytest

from domain.update_messages import (
    EVENTS, ContactWishes, UpdateTemplate, check_template, contact_route, no_further_action_reason,
    parse_template, render,
)

TEMPLATES = Path(__file__).resolve().parents[2] / "policies" / "update_templates"
FACTS = {"name": "Amira Haddad", "reference": "WEB-2026-000101", "received_on": "1 October 2026",
         "event_on": "2 October 2026", "case": "case-7", "reports_in_case": 3, "force": "Greater Manchester Police",
         "platform": "X (Twitter)", "reason": no_further_action_reason("no_record", "lawful_expression_only")}


def _shipped(event: str) -> UpdateTemplate:
    path = TEMPLATES / f"{event}.md"
    return parse_template(event, path.read_text(encoding="utf-8"), source=str(path))


def test_one_shipped_template_per_event_and_each_renders_without_gaps() -> None:
    assert sorted(path.stem for path in TEMPLATES.glob("*.md")) == sorted(EVENTS)
    for event in EVENTS:
        subject, body = render(_shipped(event), FACTS)
        assert "WEB-2026-000101" in subject, event
        assert body.startswith("Dear Amira Haddad,"), event
        assert "{" not in subject + body and "(not known)" not in subject + body, event


def test_the_no_further_action_update_explains_why_in_plain_words() -> None:
    _, body = render(_shipped("no_further_action"), FACTS)
    assert "cannot take enforcement action, because no criminal offence is made out" in body
    assert "the law protects" in body
    assert "non-crime hate incident" in no_further_action_reason("nchi", "nchi")
    assert "not being recorded at present" in no_further_action_reason("no_record", "nchi_switched_off")
    assert no_further_action_reason("no_record", "a_rule_added_later").startswith("no criminal offence is made out")


def test_a_missing_fact_says_so_rather_than_failing() -> None:
    subject, _ = render(_shipped("assigned"), {"reference": "R-1"})
    assert subject == "Your report R-1: passed to (not known)"


@pytest.mark.parametrize(("text", "message"), [
    ("Dear {name}, about {complainant_address}", r"unknown placeholder \{complainant_address\}"),
    ("Dear {name.__class__}", r"unknown placeholder \{name.__class__\}"),
    ("Dear {name!r}", r"placeholder \{name\} must be written plainly"),
    ("Dear {name:>99999}", r"placeholder \{name\} must be written plainly"),
    ("Dear {name", "badly formed placeholder"),
])
def test_check_template_refuses_unknown_or_badly_formed_placeholders(text: str, message: str) -> None:
    with pytest.raises(ValueError, match=message):
        check_template(text)


def test_known_placeholders_and_literal_braces_pass() -> None:
    check_template("Dear {name}, case {case} {{not a placeholder}}")


def test_parse_template_names_the_file_and_field() -> None:
    with pytest.raises(ValueError, match="x.md: front matter subject is missing"):
        parse_template("received", "---\ntitle: T\n---\nBody\n", source="x.md")
    with pytest.raises(ValueError, match="x.md: body: unknown placeholder {address}"):
        parse_template("received", "---\ntitle: T\nsubject: S\n---\nTo {address}\n", source="x.md")
    with pytest.raises(ValueError, match="must open and close with a --- line"):
        parse_template("received", "title: T\n", source="x.md")
    with pytest.raises(ValueError, match="'birthday' is not a key event"):
        parse_template("birthday", "---\ntitle: T\nsubject: S\n---\n", source="x.md")


def _wishes(**changes: object) -> ContactWishes:
    values = {"anonymous": False, "consent": True, "preferred": None, "has_email": True, "has_phone": True,
              "has_postcode": True}
    return ContactWishes(**{**values, **changes})  # type: ignore[arg-type]


def test_contact_respects_anonymity_consent_and_the_preferred_channel() -> None:
    assert contact_route(_wishes(anonymous=True))[1].startswith("anonymous reporter")
    assert contact_route(_wishes(consent=False)) == (None, "the reporter did not agree to be contacted with updates")
    assert contact_route(_wishes(preferred="none")) == (None, "the reporter asked not to be contacted")
    assert contact_route(_wishes(preferred="phone")) == ("phone", None)
    assert contact_route(_wishes(preferred="post")) == ("post", None)
    assert contact_route(_wishes(preferred="phone", has_phone=False))[1] == (
        "the reporter prefers phone but no phone number is held")
    assert contact_route(_wishes()) == ("email", None)
    assert contact_route(_wishes(has_email=False)) == ("phone", None)
    assert contact_route(_wishes(has_email=False, has_phone=False))[0] is None
