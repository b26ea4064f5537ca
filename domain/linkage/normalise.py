"""Value normalisers and similarity scores that the comparison levels are built from.

Every function here takes one or two raw field values and is pure; the normalisers are cached because a record
takes part in many pairs. A value that is missing (None, NaN, blank text) is normalised to None, which the
comparisons treat as the "null" level (weight 0), never as a disagreement.

Social handles: `handle_tokens` lowercases, drops a leading "@", splits on everything that is not a letter (so
digits and punctuation both separate and vanish) and drops common decorations that say nothing about the owner
("official", "real", "alt", "backup", "uk", "tv", "xx", ...) unless nothing else would be left. The "core" is the
tokens joined: `dan.k_1990` and `dan_k1990` both have tokens ("dan", "k") and core "dank"; `dankirby.alt` has
tokens ("dankirby",) and core "dankirby". `handle_similarity` then scores two handles:

    1.0   same core, or the same tokens in another order ("kirby_dan" / "dan.kirby")
    0.9   one core is a prefix of the other and the shorter has at least 4 letters ("dank" / "dankirby")
    else  the larger of Jaro-Winkler of the cores and the token-set ratio of the tokens (rapidfuzz, 0-1)

so `dan.k_1990` / `dan_k1990` score 1.0, `dan.k_1990` / `dankirby.alt` 0.9, and `dan.k_1990` / `sarah_j` about 0.5.
"""

from __future__ import annotations

import math
import re
from datetime import date, datetime
from functools import lru_cache
from typing import Any

from rapidfuzz import fuzz
from rapidfuzz.distance import JaroWinkler

HANDLE_DECORATIONS = frozenset(
    {
        "official", "real", "the", "its", "iam", "im", "alt", "backup", "bak", "new", "old", "uk", "gb", "tv",
        "hq", "irl", "priv", "private", "main", "fan", "fans", "x", "xo", "xx", "xxx", "og", "live", "insta", "ig",
        "tt", "yt", "acc", "account",
    }
)  # fmt: skip
HANDLE_PREFIX_SCORE = 0.9
HANDLE_MIN_PREFIX = 4

_NOT_LETTERS = re.compile(r"[^a-z]+")
_NOT_DIGITS = re.compile(r"\D+")
_DAY_FIRST = re.compile(r"^\s*(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})\s*$")
_UK_POSTCODE = re.compile(r"^([A-Z]{1,2})(\d[A-Z\d]?)(\d[A-Z]{2})$")


def is_missing(value: Any) -> bool:
    """Return True for None, NaN and blank text: the values that put a comparison on its "null" level."""
    if value is None:
        return True
    if isinstance(value, float):
        return math.isnan(value)
    if isinstance(value, str):
        return not value.strip()
    return False


def clean_text(value: Any) -> str | None:
    """Return the value as casefolded text with single spaces, or None when it is missing."""
    if is_missing(value):
        return None
    return " ".join(str(value).casefold().split()) or None


def jaro_winkler(a: str, b: str) -> float:
    """Return the Jaro-Winkler similarity of two strings (0-1, prefix weight 0.1), as Splink and DuckDB compute it."""
    return JaroWinkler.similarity(a, b)


@lru_cache(maxsize=200_000)
def handle_tokens(handle: str) -> tuple[str, ...]:
    """Return a handle's alphabetic tokens without digits, punctuation or decorations ("dan.k_1990" -> dan, k)."""
    tokens = [token for token in _NOT_LETTERS.split(handle.casefold().lstrip("@")) if token]
    kept = [token for token in tokens if token not in HANDLE_DECORATIONS]
    return tuple(kept or tokens)


def handle_core(handle: str) -> str:
    """Return a handle's alphabetic core: its tokens joined ("dan.k_1990" and "dan_k1990" -> "dank")."""
    return "".join(handle_tokens(handle))


def handle_similarity(a: str, b: str) -> float:
    """Return how alike two social handles are once digits, punctuation and decorations are gone (0-1)."""
    tokens_a, tokens_b = handle_tokens(a), handle_tokens(b)
    core_a, core_b = "".join(tokens_a), "".join(tokens_b)
    if not core_a or not core_b:
        return 1.0 if a.casefold() == b.casefold() else 0.0
    if core_a == core_b or sorted(tokens_a) == sorted(tokens_b):
        return 1.0
    shorter, longer = sorted((core_a, core_b), key=len)
    if len(shorter) >= HANDLE_MIN_PREFIX and longer.startswith(shorter):
        return HANDLE_PREFIX_SCORE
    token_set = fuzz.token_set_ratio(" ".join(tokens_a), " ".join(tokens_b)) / 100.0
    return max(jaro_winkler(core_a, core_b), token_set)


@lru_cache(maxsize=200_000)
def dob_digits(value: Any) -> str | None:
    """Return a date of birth as YYYYMMDD digits (from a date, ISO text, YYYYMMDD or DD/MM/YYYY), None if missing.

    Text that is none of these keeps its digits, so two equal oddities still match exactly but never by month.
    """
    if is_missing(value):
        return None
    if isinstance(value, datetime):
        value = value.date()
    if isinstance(value, date):
        return value.strftime("%Y%m%d")
    text = str(value)
    day_first = _DAY_FIRST.match(text)
    if day_first:
        day, month, year = day_first.groups()
        return f"{year}{int(month):02d}{int(day):02d}"
    return _NOT_DIGITS.sub("", text) or None


@lru_cache(maxsize=200_000)
def postcode_parts(value: Any) -> tuple[str, str, str] | None:
    """Return a UK postcode's (full, district, area) without spaces: "sw1a 1aa" -> (SW1A1AA, SW1A, SW), or None.

    Text that is not a UK postcode shape keeps its compacted form as the full code and itself as district and
    area, so it can match exactly but never by district or area alone.
    """
    if is_missing(value):
        return None
    compact = "".join(str(value).upper().split())
    shape = _UK_POSTCODE.match(compact)
    if not shape:
        return (compact, compact, compact)
    area, district, _ = shape.groups()
    return (compact, area + district, area)


@lru_cache(maxsize=200_000)
def email_parts(value: Any) -> tuple[str, str] | None:
    """Return an email's (local part, domain) casefolded, the local part without a "+tag", or None if missing."""
    text = clean_text(value)
    if text is None:
        return None
    local, _, domain = text.replace(" ", "").rpartition("@")
    if not local:
        local, domain = domain, ""
    return (local.split("+", 1)[0] or local, domain)
