"""Normalised forms of the identifiers people give: handles, emails, phones, names and countries."""

from __future__ import annotations

import re
import unicodedata

import phonenumbers

from .platforms import normalise_platform
from .urls import canonical_content

_INVISIBLE = dict.fromkeys(map(ord, "\u200b\u200c\u200d\u2060\ufeff\u00ad"))
_EMAIL = re.compile(r"^[^@\s]+@([a-z0-9](?:[a-z0-9-]*[a-z0-9])?\.)+[a-z0-9-]{2,}$")
_APOSTROPHES = str.maketrans(
    {"\u2019": "'", "\u2018": "'", "`": "'", "\u02bc": "'", "\u2010": "-", "\u2011": "-"}
)
_NAME_PUNCTUATION = re.compile(r"[^\w\s'-]|_")
_LOOSE_HYPHEN_OR_APOSTROPHE = re.compile(r"(?<!\w)['-]+|['-]+(?!\w)")
# Ofcom reserves these UK ranges for drama and test data; phonenumbers calls them invalid.
_FICTIONAL_UK_RANGES = (re.compile(r"^7700900\d{3}$"), re.compile(r"^1632960\d{3}$"))
_COUNTRY_ALIASES = {
    "uk": "GB", "gbr": "GB", "united kingdom": "GB", "great britain": "GB", "britain": "GB",
    "england": "GB", "scotland": "GB", "wales": "GB", "northern ireland": "GB",
    "ireland": "IE", "republic of ireland": "IE", "irl": "IE",
    "usa": "US", "united states": "US", "united states of america": "US",
}


def _clean_text(value: object) -> str:
    if not isinstance(value, str):
        return ""
    return unicodedata.normalize("NFKC", value).translate(_INVISIBLE).strip()


def normalise_handle(handle: str | None, platform: str | None = None) -> str | None:
    """Return an account handle as matched across reports: no '@', lowercase, spaces collapsed; None if blank.

    Display-like Facebook names keep one space between words ("Gary  Pike" -> "gary pike"). A
    pasted profile URL gives that profile's handle.
    """
    text = _clean_text(handle)
    if "/" in text and "." in text:
        found = canonical_content(text, platform)
        if found and found.kind_hint == "profile" and found.item_id:
            text = found.item_id
    if normalise_platform(platform) == "reddit":
        text = re.sub(r"^/?u/", "", text, flags=re.IGNORECASE)
    text = " ".join(text.lstrip("@").split()).lower()
    return text or None


def normalise_email(email: str | None) -> str | None:
    """Return the email address stripped and lowercased, or None when it is not a plausible address."""
    text = _clean_text(email).strip("<>").strip()
    if text.lower().startswith("mailto:"):
        text = text[len("mailto:"):]
    text = text.lower()
    if text.count("@") != 1 or not _EMAIL.match(text):
        return None
    return text


def normalise_phone(phone: str | None, default_region: str = "GB") -> str | None:
    """Return the phone number in E.164 form ("+447700900123"), or None when it is not a valid number."""
    text = _clean_text(phone)
    if not text:
        return None
    try:
        number = phonenumbers.parse(text, default_region)
    except phonenumbers.NumberParseException:
        return None
    if not (phonenumbers.is_valid_number(number) or _is_fictional_uk_number(number)):
        return None
    return phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.E164)


def _is_fictional_uk_number(number: phonenumbers.PhoneNumber) -> bool:
    national = str(number.national_number)
    return number.country_code == 44 and any(pattern.match(national) for pattern in _FICTIONAL_UK_RANGES)


def normalise_name(name: str | None) -> str | None:
    """Return a person's name folded for matching (no accents or case, single spaces), or None if blank.

    Hyphens and apostrophes survive only inside words ("O’Brien-Smith" -> "o'brien-smith").
    """
    if not isinstance(name, str):
        return None
    decomposed = unicodedata.normalize("NFKD", name)
    text = "".join(char for char in decomposed if not unicodedata.combining(char))
    text = unicodedata.normalize("NFC", text).casefold().translate(_APOSTROPHES)
    text = _NAME_PUNCTUATION.sub(" ", text)
    text = _LOOSE_HYPHEN_OR_APOSTROPHE.sub(" ", text)
    text = " ".join(text.split())
    return text or None


def normalise_country(code: str | None) -> str | None:
    """Return an ISO 3166-1 alpha-2 code ("uk", "England" -> "GB"), or None when not recognised.

    Any two-letter code is upper-cased as given; full names are known only for the UK, Ireland
    and the United States.
    """
    text = " ".join(_clean_text(code).lower().replace(".", "").split())
    text = text.removeprefix("the ")
    if text in _COUNTRY_ALIASES:
        return _COUNTRY_ALIASES[text]
    if len(text) == 2 and text.isascii() and text.isalpha():
        return text.upper()
    return None
