"""The content and suspects parts of a report: what the reporter pasted and what they know of who did it.

People paste URL variants, spell platforms their own way and write handles with or without "@"; platforms
and hub officers write clean URLs and exact handles.
"""

from __future__ import annotations

import hashlib
import random

from .clock import uk_time, utc_time
from .content import Item
from .draw import weighted
from .identities import Account, with_typo
from .plans import ReportPlan
from .urls import UrlSpec, clean_url, pasted_url
from .vocabulary import LABEL_WEIGHTS, PLATFORM_LABELS

CLEAN_SOURCES = ("platform_referral", "hub_officer")
_PROFILE_SHAPES = {"X": "x_profile", "Facebook": "fb_profile", "Instagram": "ig_profile", "TikTok": "tt_profile",
                   "YouTube": "yt_profile", "Reddit": "rd_profile", "Telegram": "tg_profile"}
_SUSPECT_CHANCE = {"victim": 0.55, "third_party": 0.45, "witness": 0.25, "third_party_centre": 0.6,
                   "platform_referral": 0.95, "hub_officer": 0.8, "force_referral": 0.6}


def platform_label(rng: random.Random, platform: str) -> str:
    """Return the platform's name as a reporter writes it."""
    labels = PLATFORM_LABELS[platform]
    return weighted(rng, labels, LABEL_WEIGHTS[: len(labels)])


def handle_as_given(rng: random.Random, account: Account) -> str:
    """Return an account's handle as a reporter types it: with or without "@", in any case, or its name."""
    handle = account.handle
    if account.platform == "Facebook":
        return account.display_name if rng.random() < 0.7 else handle
    if account.platform == "Reddit":
        return rng.choice((f"u/{handle}", handle, f"/u/{handle}", handle.lower()))
    if account.platform == "YouTube" and rng.random() < 0.35:
        return account.display_name
    return weighted(rng, (f"@{handle}", handle, f"@{handle.lower()}", handle.lower(), handle.upper()),
                    (40, 25, 15, 15, 5))


def content_entry(rng: random.Random, plan: ReportPlan, item: Item) -> dict:
    """Return one element of a report's content array for the item."""
    clean = plan.source in CLEAN_SOURCES
    bare = item.url is None  # messages and comments without an address: reporters copy the details instead
    entry: dict = {}
    if clean or bare or rng.random() < 0.97:
        entry["platform"] = item.platform if clean else platform_label(rng, item.platform)
    if item.url is not None and (clean or rng.random() < 0.93):
        entry["url"] = clean_url(item.url) if clean else pasted_url(rng, item.url)
    if clean or rng.random() < 0.8:
        entry["kind"] = item.kind if clean or rng.random() < 0.94 else rng.choice(("post", "other"))
    if clean or bare or rng.random() < 0.45:
        entry["text"] = item.text
    if clean:
        entry["posted_at"] = utc_time(item.posted)
    elif bare or rng.random() < 0.4:
        entry["posted_at"] = uk_time(item.posted - item.posted % 60)
    if clean:
        entry["author_handle"] = item.author.handle
    elif bare or rng.random() < 0.8:
        entry["author_handle"] = handle_as_given(rng, item.author)
    if item.audience is not None and (clean or rng.random() < 0.12):
        entry["audience_size"] = item.audience
    if not clean and rng.random() < 0.25:
        entry["screenshot_sha256"] = hashlib.sha256(f"{plan.key}|{item.id}".encode()).hexdigest()
    return entry


def suspects(rng: random.Random, plan: ReportPlan) -> list[dict] | None:
    """Return what the reporter says about the accounts and people responsible, or None if nothing."""
    if not plan.items:
        return None
    if plan.source == "force_referral":
        chance_key = plan.source
    elif plan.reporter.person is None:
        chance_key = plan.source
    else:
        chance_key = plan.reporter.role
    if rng.random() >= _SUSPECT_CHANCE.get(chance_key, 0.3):
        return None
    authors: dict[str, Account] = {}
    for item in plan.items:
        authors.setdefault(item.author.id, item.author)
    clean = plan.source in CLEAN_SOURCES
    return [_suspect(rng, plan, account, clean) for account in list(authors.values())[:3]]


def _suspect(rng: random.Random, plan: ReportPlan, account: Account, clean: bool) -> dict:
    person = account.person
    entry: dict = {"platform": account.platform if clean else platform_label(rng, account.platform)}
    entry["handle"] = account.handle if clean else handle_as_given(rng, account)
    if clean or rng.random() < 0.5:
        entry["display_name"] = account.display_name
    if rng.random() < (0.9 if clean else 0.3):
        spec = UrlSpec(_PROFILE_SHAPES[account.platform], handle=account.handle, extra=account.numeric_id)
        entry["profile_url"] = clean_url(spec) if clean else pasted_url(rng, spec)
    knows = plan.knows_suspect and not clean
    if knows:
        name = person.name if rng.random() < 0.7 else f"{person.nickname} {person.last}"
        entry["name"] = with_typo(rng, name, "name") if rng.random() < 0.15 else name
        if person.email and rng.random() < 0.45:
            entry["email"] = person.email
        if person.phone and rng.random() < 0.25:
            entry["phone"] = person.phone
    elif plan.source == "platform_referral" and person.email and rng.random() < 0.3:
        entry["email"] = person.email
    location_chance = 0.75 if knows else 0.1
    if rng.random() < location_chance:
        if person.postcode and (knows and rng.random() < 0.7):
            entry["location"] = person.postcode if rng.random() < 0.8 else person.postcode.lower()
        elif person.town:
            entry["location"] = person.town
        elif person.country and person.country != "GB":
            entry["location"] = {"IE": "Dublin", "US": "USA", "FR": "Paris", "PL": "Poland"}.get(person.country,
                                                                                             person.country)
    if person.country and rng.random() < (0.6 if knows else 0.15):
        entry["country"] = person.country
    if knows:
        entry["known_to_victim"] = True
    return entry
