"""An officer's override value as typed (P2, 3, none, true, crime...) turned into the value the rules store."""

from __future__ import annotations

from typing import Any

TRUE_WORDS = ("true", "yes", "made_out", "1")
FALSE_WORDS = ("false", "no", "not_made_out", "0")


class OverrideValueError(ValueError):
    """The value does not suit the field; the message names both."""


def parse_override_value(field: str, text: str) -> Any:
    """Return the typed value for `field`: a flag for offence:/finding:, 1-4 or None for cps_category,
    upper case for priority, lower case otherwise; raise OverrideValueError for a value the field cannot take."""
    word = text.strip()
    if field.startswith(("offence:", "finding:")):
        if word.lower() in TRUE_WORDS + FALSE_WORDS:
            return word.lower() in TRUE_WORDS
        raise OverrideValueError(f"override of {field}: the value is true or false, not {text!r}")
    if field == "cps_category":
        if word.lower() in ("none", "null", ""):
            return None
        if word.isdigit():
            return int(word)
        raise OverrideValueError(f"override of cps_category: the value is 1, 2, 3, 4 or none, not {text!r}")
    return word.upper() if field == "priority" else word.lower()
