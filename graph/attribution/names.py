"""How alike two name forms are (handles, display names, names given), as people abbreviate their names.

People build handles and display names from their name: `dan.k_1990`, `dankirby.alt`, `dkirby90`, "Dan K",
"Daniel Kirby". A *form* is such a name folded to lower-case letters with its known word breaks kept as dots
(`dan.k`, `dankirby`). Read as a first part and a last part, either cut short to an initial or a nickname, two
forms are *compatible* when a split (at a known break, or anywhere in a glued word) makes the parts of one
prefixes of the other's (`c|green` and `chloe|green`; `o|harrison` and `owen|h`). Pure, and cached.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from functools import lru_cache

SAME, STRONG, WEAK, NONE = 0, 1, 2, 3
MIN_PREFIX = 4  # a form cut short must keep this many letters to count at all
LONG_GLUED = 8  # a glued word this long that starts another form counts strongly (X cuts handles at 15)
DECORATIONS = frozenset({"official", "alt", "backup", "bak", "the", "its", "iam", "im", "x", "xx", "xxx", "uk"})
_PREFIXES = ("real", "the", "its", "iam")
_SUFFIXES = ("backup", "official", "alt")
_CUT_SHORT = ("backup", "official")  # a last word cut short by a platform's length limit ("anon_island_bac")
_NOT_LETTERS = re.compile(r"[^a-z]+")
_UNDECOMPOSED = str.maketrans({"ł": "l", "đ": "d", "ø": "o", "æ": "ae", "œ": "oe", "ß": "ss", "ı": "i"})


def ascii_letters(text: str) -> str:
    """Return text in lower case with accents and other marks dropped ("Łukasz Siân" -> "lukasz sian")."""
    decomposed = unicodedata.normalize("NFKD", text.casefold().translate(_UNDECOMPOSED))
    return decomposed.encode("ascii", "ignore").decode()


def words_of(text: str) -> tuple[str, ...]:
    """Return the lower-case words of a handle or name without decorations ("dan.k_1990" -> dan, k)."""
    words = [word for word in _NOT_LETTERS.split(ascii_letters(text).replace("'", "").replace("’", "")) if word]
    if len(words) > 1 and len(words[-1]) >= 3 and any(cut.startswith(words[-1]) for cut in _CUT_SHORT):
        words = words[:-1]
    kept = [word for word in words if word not in DECORATIONS]
    return tuple(kept or words)


def variants(words: Iterable[str]) -> frozenset[str]:
    """Return the forms of a name's words: as written, reversed, and a glued word without its decorations."""
    parts = tuple(word for word in words if word)
    if not parts:
        return frozenset()
    forms = {".".join(parts)}
    if len(parts) >= 2:
        forms.add(".".join(reversed(parts)))
    else:
        word = parts[0]
        for prefix in _PREFIXES:
            if word.startswith(prefix) and len(word) - len(prefix) >= MIN_PREFIX:
                forms.add(word[len(prefix) :])
        for suffix in _SUFFIXES:
            if word.endswith(suffix) and len(word) - len(suffix) >= MIN_PREFIX:
                forms.add(word[: -len(suffix)])
    return frozenset(forms)


def letters(form: str) -> str:
    """Return a form's letters without its word breaks."""
    return form.replace(".", "")


def _breaks(form: str) -> frozenset[int] | None:
    """Return the letter positions of a form's word breaks, or None for a glued word (any split allowed)."""
    if "." not in form:
        return None
    positions, count = set(), 0
    for part in form.split(".")[:-1]:
        count += len(part)
        positions.add(count)
    return frozenset(positions)


def _common_prefix(a: str, b: str) -> int:
    count = 0
    for left, right in zip(a, b):
        if left != right:
            break
        count += 1
    return count


def _related(a: str, b: str) -> bool:
    return a.startswith(b) or b.startswith(a)


def _allowed(position: int, breaks: frozenset[int] | None, length: int) -> bool:
    return 0 < position < length and (breaks is None or position in breaks)


@lru_cache(maxsize=1_000_000)
def agreement(a: str, b: str) -> int:
    """Return SAME, STRONG, WEAK or NONE: how well two forms agree as abbreviations of one name.

    Strong: one a prefix of the other that keeps a word break (`dan.k` and `dankirby`) or 8+ glued letters;
    or a split with the same last part of 3+ letters and first parts alike (`c|green` and `chloe|green`,
    `nathan|sutcliffe` and `nate|sutcliffe`); or both parts sharing 3+ letters, or last parts sharing 5+.
    Weak: one whole word shared (`patriot` and `patriot.voice`), or compatible by initials only.
    """
    x, y = letters(a), letters(b)
    if not x or not y:
        return NONE
    if x == y:
        return SAME
    breaks_a, breaks_b = _breaks(a), _breaks(b)
    if x.startswith(y) or y.startswith(x):
        (short, short_breaks), (long_breaks) = ((x, breaks_a), breaks_b) if len(x) < len(y) else ((y, breaks_b), breaks_a)
        if len(short) < MIN_PREFIX:
            return NONE
        if short_breaks is not None:
            return STRONG
        if long_breaks is not None and len(short) in long_breaks:
            return WEAK
        return STRONG if len(short) >= LONG_GLUED else WEAK
    best = NONE
    suffix = _common_prefix(x[::-1], y[::-1])
    for size in range(min(suffix, len(x) - 1, len(y) - 1), 2, -1):  # the same last part
        i, j = len(x) - size, len(y) - size
        if _allowed(i, breaks_a, len(x)) and _allowed(j, breaks_b, len(y)):
            head_x, head_y = x[:i], y[:j]
            if _related(head_x, head_y) or (size >= MIN_PREFIX and _common_prefix(head_x, head_y) >= 3):
                return STRONG
    prefix = _common_prefix(x, y)
    for first, second, breaks_first, breaks_second in ((x, y, breaks_a, breaks_b), (y, x, breaks_b, breaks_a)):
        for i in range(1, min(prefix, len(first) - 1) + 1):  # first's head is a prefix of second's head
            if not _allowed(i, breaks_first, len(first)):
                continue
            tail = first[i:]
            for j in range(i, len(second)):
                if not _allowed(j, breaks_second, len(second)):
                    continue
                other = second[j:]
                if not _related(tail, other):
                    continue
                shared_tail = min(len(tail), len(other))
                if shared_tail >= 5 or (i >= 3 and shared_tail >= 3):
                    return STRONG
                best = WEAK
    return best


def relation(left: frozenset[str], right: frozenset[str]) -> int:
    """Return SAME, STRONG, WEAK or NONE: the closest relation between any form of one and any form of the other."""
    return min((agreement(a, b) for a in left for b in right), default=NONE)
