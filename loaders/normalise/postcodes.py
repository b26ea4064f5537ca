"""UK postcodes: validation, spacing and case, and the district, sector and area they fall in."""

from __future__ import annotations

import re
from dataclasses import dataclass

# Royal Mail format rules: the first letter is never Q, V or X; the second never I, J or Z; a
# letter ending an A9A outward code is one of ABCDEFGHJKPSTUW, ending an AA9A code one of
# ABEHMNPRVWXY; the inward code's letters are never C, I, K, M, O or V.
_OUTWARD = (
    r"(?:[A-PR-UWYZ][0-9]{1,2}"
    r"|[A-PR-UWYZ][A-HK-Y][0-9]{1,2}"
    r"|[A-PR-UWYZ][0-9][ABCDEFGHJKPSTUW]"
    r"|[A-PR-UWYZ][A-HK-Y][0-9][ABEHMNPRVWXY])"
)
_INWARD = r"[0-9][ABD-HJLNP-UW-Z]{2}"
_FULL = re.compile(rf"^(?:({_OUTWARD})({_INWARD})|(GIR)(0AA))$")
_OUTWARD_ONLY = re.compile(rf"^(?:{_OUTWARD}|GIR)$")
# Postcode-shaped, ignoring the letter rules: lets callers tell a mistyped postcode from a town.
_SHAPE = re.compile(r"^[A-Z]{1,2}[0-9][A-Z0-9]?[0-9][A-Z]{2}$")
_IN_TEXT = re.compile(r"\b[A-Z]{1,2}[0-9][A-Z0-9]? ?[0-9][A-Z]{2}\b", re.IGNORECASE)


@dataclass(frozen=True, slots=True)
class Postcode:
    """A valid UK postcode and the units it names (LS6 2AB: area LS, district LS6, sector LS6 2)."""

    postcode: str
    outward: str
    inward: str
    district: str
    sector: str
    area: str


def _compact(text: object) -> str:
    if not isinstance(text, str):
        return ""
    return "".join(text.split()).upper()


def parse_postcode(text: str | None) -> Postcode | None:
    """Return the Postcode for a full UK postcode in any spacing or case ("ls62ab"), or None if invalid."""
    match = _FULL.match(_compact(text))
    if not match:
        return None
    outward = match.group(1) or match.group(3)
    inward = match.group(2) or match.group(4)
    return Postcode(
        postcode=f"{outward} {inward}",
        outward=outward,
        inward=inward,
        district=outward,
        sector=f"{outward} {inward[0]}",
        area=re.match(r"[A-Z]+", outward).group(0),
    )


def parse_outward(text: str | None) -> str | None:
    """Return the outward code (district) of a district alone ("b15") or of a full postcode, or None."""
    compact = _compact(text)
    if _OUTWARD_ONLY.match(compact):
        return compact
    postcode = parse_postcode(compact)
    return postcode.outward if postcode else None


def looks_like_postcode(text: str | None) -> bool:
    """Return True when the text is shaped like a full UK postcode, even one that breaks the letter rules."""
    compact = _compact(text)
    return bool(_SHAPE.match(compact)) or parse_postcode(compact) is not None


def find_postcode(text: str | None) -> Postcode | None:
    """Return the first valid full postcode written inside free text ("Leeds, LS6 2AB"), or None."""
    if not isinstance(text, str):
        return None
    for candidate in _IN_TEXT.findall(text):
        postcode = parse_postcode(candidate)
        if postcode:
            return postcode
    return None
