"""Turning a user's search words into a Lucene query that means only those words."""

from __future__ import annotations

import re

_SPECIAL = re.compile(r'([+\-!(){}\[\]^"~*?:\\/&|])')
MAX_TEXT = 200


def lucene_query(text: str | None) -> str | None:
    """Return `text` as a Lucene query requiring every one of its words, taken literally, or None when blank.

    Special characters are escaped and lower case keeps AND, OR and NOT from acting as operators (the
    analyzer lower-cases anyway); each word is marked required (`+`), so more words narrow the search.
    """
    words = " ".join((text or "").split())[:MAX_TEXT].lower().split()
    if not words:
        return None
    return " ".join("+" + _SPECIAL.sub(r"\\\1", word) for word in words)


def contains_text(text: str | None) -> str | None:
    """Return `text` cleaned and lower-cased for a CONTAINS match, or None when blank."""
    words = " ".join((text or "").split())[:MAX_TEXT].lower()
    return words or None
