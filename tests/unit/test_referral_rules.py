"""Platform referrals, pure rules: the lifecycle, due dates and overdue, the basis, the document, the directory."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone
from pathlib import Path

import pytest
import yaml

from domain.platform_contacts import load_platform_directory, parse_platform_directory
from domain.policy_files import PolicyError
from domain.referral_documents import ReferralFacts, ReferredItem, document_json, document_subject, document_text
from domain.referrals import (
    ReferralEvent, ReferralRefused, ReferralState, allowed_events, apply_event, basis_of, due_by, is_overdue,
    offences_made_out,
)
from loaders.normalise.platforms import PLATFORM_DISPLAY_NAMES

ROOT = Path(__file__).resolve().parents[2]
T0 = datetime(2026, 11, 2, 9, 0, tzinfo=timezone.utc)
DRAFT = ReferralState(id="referral:1", status="draft", items=("x:status:1", "x:status:2"))


def step(event: str, at: datetime = T0, **fields) -> ReferralEvent:
    return ReferralEvent(event=event, at=at, by=fields.pop("by", "DC Reed"), **fields)


def run(state: ReferralState, *events: ReferralEvent, hours: int = 48, now: datetime | None = None) -> ReferralState:
    for event in events:
        state = apply_event(state, event, response_hours=hours, now=now or event.at).state
    return state


# -- lifecycle ---------------------------------------------------------------------------------------

def test_sending_sets_the_dates_and_the_due_date_from_the_target() -> None:
    done = apply_event(DRAFT, step("sent"), response_hours=24, now=T0)
    assert (done.state.status, done.state.sent_at, done.state.due_by) == ("sent", T0, T0 + timedelta(hours=24))
    assert done.record == {"event": "sent", "at": T0.isoformat(), "by": "DC Reed", "note": None, "reason": None,
                           "items": [], "status": "sent"}
    assert due_by(T0, 72) == datetime(2026, 11, 5, 9, 0, tzinfo=timezone.utc)


def test_acknowledged_then_removed_item_by_item_closes_when_all_are_removed() -> None:
    sent = run(DRAFT, step("sent"), step("acknowledged", T0 + timedelta(hours=2)))
    assert (sent.status, sent.acknowledged_at) == ("acknowledged", T0 + timedelta(hours=2))
    partly = apply_event(sent, step("removed", T0 + timedelta(hours=3), items=("x:status:1",)), response_hours=48,
                         now=T0 + timedelta(hours=3))
    assert partly.removed_now == ("x:status:1",) and partly.state.status == "acknowledged"
    assert partly.state.closed_at is None
    rest = apply_event(partly.state, step("removed", T0 + timedelta(hours=4)), response_hours=48,
                       now=T0 + timedelta(hours=4))
    assert rest.removed_now == ("x:status:2",) and rest.state.status == "removed"
    assert rest.state.closed_at == T0 + timedelta(hours=4)


@pytest.mark.parametrize(("status", "event"), [
    ("draft", "acknowledged"), ("draft", "removed"), ("draft", "refused"), ("draft", "no_response"),
    ("sent", "sent"), ("removed", "refused"), ("refused", "removed"), ("acknowledged", "acknowledged"),
    ("no_response", "no_response"),
])
def test_transitions_not_in_the_lifecycle_are_refused_by_name(status: str, event: str) -> None:
    state = ReferralState(id="referral:1", status=status, items=("x:status:1",), due_by=T0 - timedelta(days=9))
    with pytest.raises(ReferralRefused, match=f"referral referral:1: cannot record {event.replace('_', ' ')} on a "
                                              f"referral that is {status.replace('_', ' ')}"):
        apply_event(state, step(event, reason="a reason"), response_hours=48, now=T0)


def test_a_refusal_needs_the_platform_reason() -> None:
    sent = run(DRAFT, step("sent"))
    with pytest.raises(ReferralRefused, match="reason: a refusal needs the platform's reason"):
        apply_event(sent, step("refused", T0 + timedelta(hours=1), reason="   "), response_hours=48, now=T0 + timedelta(hours=1))
    done = apply_event(sent, step("refused", T0 + timedelta(hours=1), reason="  satire,\nallowed "), response_hours=48,
                       now=T0 + timedelta(hours=1))
    assert (done.state.status, done.record["reason"], done.state.closed_at) == ("refused", "satire, allowed",
                                                                               T0 + timedelta(hours=1))


def test_no_response_only_once_overdue_and_a_late_answer_still_counts() -> None:
    sent = run(DRAFT, step("sent"), hours=24)
    assert not is_overdue(sent.status, sent.due_by, T0 + timedelta(hours=24))
    assert is_overdue(sent.status, sent.due_by, T0 + timedelta(hours=24, seconds=1))
    assert allowed_events(sent, T0 + timedelta(hours=1)) == ("acknowledged", "removed", "refused")
    assert allowed_events(sent, T0 + timedelta(hours=25)) == ("acknowledged", "removed", "refused", "no_response")
    with pytest.raises(ReferralRefused, match="only once it is overdue"):
        apply_event(sent, step("no_response", T0 + timedelta(hours=23)), response_hours=24, now=T0 + timedelta(hours=23))
    silent = run(sent, step("no_response", T0 + timedelta(hours=30)))
    assert (silent.status, silent.closed_at) == ("no_response", T0 + timedelta(hours=30))
    assert not is_overdue(silent.status, silent.due_by, T0 + timedelta(days=5)), "no longer awaiting an answer"
    late = run(silent, step("removed", T0 + timedelta(hours=40)))
    assert late.status == "removed"


def test_times_who_and_items_are_checked() -> None:
    with pytest.raises(ReferralRefused, match="at: .* is in the future"):
        apply_event(DRAFT, step("sent", T0 + timedelta(hours=1)), response_hours=48, now=T0)
    sent = run(DRAFT, step("sent"))
    with pytest.raises(ReferralRefused, match="is before its last step"):
        apply_event(sent, step("acknowledged", T0 - timedelta(minutes=1)), response_hours=48, now=T0)
    with pytest.raises(ReferralRefused, match="by: say who records the acknowledged step"):
        apply_event(sent, step("acknowledged", by=" "), response_hours=48, now=T0)
    with pytest.raises(ReferralRefused, match=r"items \['x:status:9'\] are not listed on it"):
        apply_event(sent, step("removed", items=("x:status:9",)), response_hours=48, now=T0)
    with pytest.raises(ReferralRefused, match="items: only a removal names items"):
        apply_event(sent, step("acknowledged", items=("x:status:1",)), response_hours=48, now=T0)
    with pytest.raises(ReferralRefused, match="event is one of"):
        apply_event(sent, step("lost"), response_hours=48, now=T0)
    removed = run(sent, step("removed", items=("x:status:1",)))
    with pytest.raises(ReferralRefused, match="already recorded as removed"):
        apply_event(removed, step("removed", items=("x:status:1",)), response_hours=48, now=T0)


# -- basis -------------------------------------------------------------------------------------------

CRIME = {"classification": "crime", "offences": [
    {"title": "Threatening communications", "statute": "Online Safety Act 2023", "section": "s181", "complete": True,
     "kind": "offence"},
    {"title": "Harassment", "statute": "Protection from Harassment Act 1997", "section": "s2", "complete": False,
     "kind": "offence"},
    {"title": "Hostility aggravation", "statute": "Sentencing Act 2020", "section": "s66", "complete": True,
     "kind": "aggravation"},
]}


def test_the_basis_names_the_offences_made_out_or_else_the_platform_policy() -> None:
    assert offences_made_out(CRIME) == ("Threatening communications (Online Safety Act 2023 s181)",)
    law = basis_of([CRIME, None, CRIME], "X Rules — Hateful conduct policy (https://help.x.com/...)")
    assert law.kind == "law" and law.offences == ("Threatening communications (Online Safety Act 2023 s181)",)
    assert "offences made out: Threatening communications" in law.text and "It also breaches X Rules" in law.text
    nchi = {**CRIME, "classification": "nchi"}
    policy = basis_of([nchi, None], "Reddit Rules")
    assert (policy.kind, policy.offences) == ("platform_policy", ())
    assert policy.text == "Not assessed as a criminal offence; the content breaches the platform's own policy: Reddit Rules."


# -- the document ------------------------------------------------------------------------------------

def _facts(**changes) -> ReferralFacts:
    items = (ReferredItem(key="x:status:1", url="https://x.com/i/status/1", kind="post", accounts=("x:troll_one",),
                          posted_at=T0, text="hateful words"),
             ReferredItem(key="x:dm:abc", url=None, kind="direct_message", accounts=("x:troll_one",), posted_at=None,
                          text="a private message " * 30, removed_at=T0 + timedelta(days=1)))
    values = dict(id="referral:1", platform="x", platform_name="X (Twitter)", status="sent",
                  contact="le-referrals@x.platform.example", policy="Hateful conduct policy (https://help.x.com/)",
                  basis="Unlawful content ...", response_hours=48, trusted_flagger=True, created_at=T0, items=items,
                  case="case-1", sent_at=T0, due_by=T0 + timedelta(hours=48), offences=("Threats (OSA 2023 s181)",))
    values.update(changes)
    return ReferralFacts(**values)


def test_the_document_text_lists_the_content_basis_and_answer_asked_for() -> None:
    text = document_text(_facts())
    assert document_subject(_facts()) == "Referral referral:1: 2 items of hateful content on X (Twitter)"
    assert text.startswith("To: X (Twitter) (trusted-flagger channel: le-referrals@x.platform.example)\n")
    assert "1. https://x.com/i/status/1\n   post, posted by x:troll_one, at 02 November 2026 09:00" in text
    assert "2. (no URL; item x:dm:abc)" in text and "Text: \"a private message" in text
    assert "hateful words" not in text, "an item with a URL is found by its URL, its words are not repeated"
    assert "Removal recorded 03 November 2026." in text and "(case case-1)" in text
    assert "Your answer is due by 04 November 2026 09:00 UTC (response target 48 hours)." in text
    draft = document_text(_facts(due_by=None, sent_at=None, trusted_flagger=False, campaign="k-1", case=None))
    assert "Response target: 48 hours from sending." in draft and "referral channel" in draft and "(campaign k-1)" in draft


def test_the_document_json_carries_the_same() -> None:
    data = document_json(_facts())
    assert (data["referral"], data["platform"], data["due_by"]) == ("referral:1", "x", "2026-11-04T09:00:00+00:00")
    assert [item["url"] for item in data["items"]] == ["https://x.com/i/status/1", None]
    assert data["items"][0]["text"] is None and data["items"][1]["text"].endswith("…")
    assert len(data["items"][1]["text"]) == 280 and data["offences"] == ["Threats (OSA 2023 s181)"]


# -- the platforms directory -------------------------------------------------------------------------

def _shipped() -> dict:
    return yaml.safe_load((ROOT / "policies" / "platforms.yaml").read_text(encoding="utf-8"))


def test_the_shipped_directory_covers_every_known_platform_with_fictional_contacts() -> None:
    directory = load_platform_directory(ROOT / "policies" / "platforms.yaml", known_platforms=PLATFORM_DISPLAY_NAMES)
    assert set(PLATFORM_DISPLAY_NAMES) | {"other"} == set(directory.platforms)
    for entry in directory.platforms.values():
        assert 24 <= entry.response_hours <= 72
        for address in (entry.contact.email, entry.contact.portal):
            assert address is None or ".example" in address
    assert directory.entry_for("mastodonsocial").name == "Other platform"
    assert not directory.has_own_entry("mastodonsocial") and directory.has_own_entry("x")


@pytest.mark.parametrize(("change", "message"), [
    (lambda d: d["platforms"]["x"].update(contact={}), "platforms.x.contact: give an email or a portal"),
    (lambda d: d["platforms"]["x"]["contact"].update(email="not-mail"), "platforms.x.contact.email: 'not-mail' is not"),
    (lambda d: d["platforms"]["tiktok"].update(response_hours=0), "platforms.tiktok.response_hours: Input should be"),
    (lambda d: d["platforms"]["reddit"]["policy"].update(url="ftp://x"), "platforms.reddit.policy.url: 'ftp://x' is not"),
    (lambda d: d["platforms"]["youtube"].pop("trusted_flagger"), "platforms.youtube.trusted_flagger: Field required"),
    (lambda d: d["platforms"].pop("discord"), "no entry for 'discord', a platform the intake normaliser knows"),
    (lambda d: d["platforms"].pop("other"), "no entry for the fallback 'other'"),
    (lambda d: d["platforms"].update(snapchat=None), "platforms.snapchat: missing entry: give name, contact"),
])
def test_a_bad_entry_is_named_with_its_field(change, message: str) -> None:
    data = _shipped()
    change(data)
    with pytest.raises(PolicyError) as refused:
        parse_platform_directory(data, known_platforms=PLATFORM_DISPLAY_NAMES, source="platforms.yaml")
    assert message in str(refused.value) and str(refused.value).startswith("platforms.yaml: ")
