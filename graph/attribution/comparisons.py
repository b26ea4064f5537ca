"""The comparisons that weigh whether two accounts have one person behind them. Pure.

Each is a `domain.linkage.Comparison` over the records of `accounts.py` (with the `alike` counts of
`rarity.py`). EM estimates their m and u (`training.py`), except for the levels in FIXED: certain evidence (the
same account, one handle written two ways; an e-mail or phone given for the people said to use both).

A handle is compared twice, on its letters and on its digits, so that EM sees what the digits tell about handles
whose letters agree: people keep their number, so two alike handles carrying different numbers are two people,
and how often that happens among handles alike in some way is how often such handles belong to different people.
CONTRADICTIONS are the levels that say two accounts are different people (another number on alike handles,
another name given): they keep the two apart even through others (`resolve.py`) and teach EM its non-matches;
CERTAIN levels teach it matches.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import numpy as np

from domain.linkage import Comparison, Level, jaro_winkler
from graph.attribution.names import SAME, STRONG, WEAK, relation
from graph.attribution.rarity import BANDS, band_of

FIXED = {
    "handle": {"same_account": (0.02, 1e-9)},  # certain: one account (a platform's two spellings of it), weight +24.3
    "identifier": {"shared": (None, 1e-7)},  # certain: the same e-mail or phone (u fixed, m estimated)
}
CONTRADICTIONS = frozenset({("digits", "differ"), ("subject_name", "else")})  # another number; another name
CERTAIN = frozenset({("handle", "same_account"), ("identifier", "shared")})
UNKNOWN_PLATFORM = "unknown"  # a suspect's account given without its platform
TYPO_SIMILARITY = 0.92
Record = dict[str, Any]
_CLOSENESS = {"same": SAME, "strong": STRONG}
_WHAT = {"same": "handles' letters the same (digits aside)",
         "strong": "handles abbreviate one name alike ('dan.k' and 'dankirby')"}  # fmt: skip


def _field(name: str) -> Callable[[Record], Any]:
    return lambda record: record.get(name) or None


def _name_levels(what: str) -> tuple[Level, ...]:
    return (
        Level("same", lambda a, b: relation(a, b) == SAME, f"{what} the same once case, spaces and punctuation go"),
        Level("strong", lambda a, b: relation(a, b) == STRONG,
              f"{what} one name abbreviated alike ('dan.k' and 'dankirby', 'c.green' and 'chloe.green')"),
        Level("weak", lambda a, b: relation(a, b) == WEAK,
              f"{what} compatible by initials or one word only ('oharrison' and 'owen.h')"),
        Level("else", None, f"{what} unrelated"),
    )  # fmt: skip


def _digits_agree(a: Record, b: Record) -> bool | None:
    """Return whether two handles' digits agree, None if either has none.

    They agree when the same, when one is a year the other writes short ("1990", "90"), or when one handle is
    as long as its platform allows and its digits start the other's (X cut "watcher_common67" to 15 letters).
    """
    x, y = a["digits"], b["digits"]
    if not x or not y:
        return None
    if x == y or (len(min(x, y, key=len)) >= 2 and (x.endswith(y) or y.endswith(x))):
        return True
    return (a["cut_short"] and y.startswith(x)) or (b["cut_short"] and x.startswith(y))


def same_account(a: Record, b: Record) -> bool:
    """Return whether two records are one account: one handle on one platform (or one given without a platform)."""
    platforms = {a["platform"], b["platform"]}
    return a["plain_handle"] == b["plain_handle"] and (len(platforms) == 1 or UNKNOWN_PLATFORM in platforms)


def _handle_level_names() -> list[tuple[str, str]]:
    names = [("same_account", "one account: one handle on one platform (or given without its platform)")]
    for kind in ("same", "strong"):
        for band in BANDS:
            others = "no other account's handle does" if band == 1 else f"at most {band} accounts' handles do"
            names.append((f"{kind}_{band}", f"{_WHAT[kind]}; {others} so with either"))
        names.append((kind, f"{_WHAT[kind]}; more than {BANDS[-1]} accounts' handles do so (a common name)"))
    names.append(("weak", "handles compatible by initials or one word only ('oharrison' and 'owen.h')"))
    names.append(("else", "handles unrelated"))
    return names


def handle_level(a: Record, b: Record) -> str:
    """Return the name of the handle level two records reach (see `handle_comparison`)."""
    if same_account(a, b):
        return "same_account"
    found = relation(a["handle_forms"], b["handle_forms"])
    if found == WEAK:
        return "weak"
    if found not in (SAME, STRONG):
        return "else"
    kind = "same" if found == SAME else "strong"
    band = band_of(a, b, found)
    return kind if band is None else f"{kind}_{band}"


def handle_comparison() -> Comparison:
    """Return the levels of two handles' letters, digits aside: same_account; the same letters, or one name
    abbreviated alike, each banded by how many accounts agree so (`rarity.py`: rarer says more); weak; else."""
    names = _handle_level_names()
    index = {name: number for number, (name, _) in enumerate(names)}
    levels = tuple(Level(name, None if name == "else" else (lambda a, b, name=name: handle_level(a, b) == name), text)
                   for name, text in names)  # fmt: skip

    def batch(left: np.ndarray, right: np.ndarray) -> np.ndarray:
        return np.array([index[handle_level(a, b)] for a, b in zip(left.tolist(), right.tolist())], dtype=np.int8)

    return Comparison("handle", levels, (), lambda record: record if record.get("handle_forms") else None, batch)


def digits_comparison() -> Comparison:
    """Return agree / differ / else levels over two handles' digits (null unless both carry some): different
    digits on alike handles (letters related at all) say two people, people keeping their number."""
    def alike(a: Record, b: Record) -> bool:
        return bool(a["handle_forms"] and b["handle_forms"]) and relation(a["handle_forms"], b["handle_forms"]) <= WEAK

    levels = (
        Level("agree", lambda a, b: bool(_digits_agree(a, b)), "the same number in both handles (a year, a number)"),
        Level("differ", alike, "alike handles carrying different numbers: people keep their number"),
        Level("else", None, "different numbers on unrelated handles"),
    )
    return Comparison("digits", levels, (), lambda record: record if record.get("digits") else None)


def display_name_comparison() -> Comparison:
    """Return same / strong / weak / else levels over the display names given for two accounts."""
    return Comparison("display_name", _name_levels("display names"), (), _field("display_names"))


def subject_name_comparison() -> Comparison:
    """Return same / strong / weak / else levels over the names of the people said to use two accounts."""
    same, strong, weak, other = _name_levels("names given")
    typo = Level(
        "strong", lambda a, b: relation(a, b) == STRONG or _similar(a, b),
        f"{strong.explanation[:-1]}, or Jaro-Winkler >= {TYPO_SIMILARITY:g}: a typo)",
    )
    return Comparison("subject_name", (same, typo, weak, other), (), _field("name_forms"))


def _similar(left: frozenset[str], right: frozenset[str]) -> bool:
    return any(jaro_winkler(a, b) >= TYPO_SIMILARITY for a in left for b in right)


def identifier_comparison() -> Comparison:
    """Return shared / else levels over the e-mails and phones of the people said to use two accounts."""
    levels = (
        Level("shared", lambda a, b: bool(a & b), "the same e-mail or phone given for the people using both"),
        Level("else", None, "different e-mails or phones given"),
    )
    return Comparison("identifier", levels, (), _field("identifiers"))


def co_occurrence_comparison() -> Comparison:
    """Return small_report / text_group / report / else levels: how two accounts appear together in reports."""
    levels = (
        Level("small_report", lambda a, b: bool(a["small_reports"] & b["small_reports"])
              and not a["text_groups"] & b["text_groups"],
              "named together in a report naming few accounts, not as copies of one text"),
        Level("text_group", lambda a, b: bool(a["text_groups"] & b["text_groups"]),
              "posted the same copied text (a campaign, more often many people)"),
        Level("report", lambda a, b: bool(a["reports"] & b["reports"]), "named together in a report naming many"),
        Level("else", None, "never named in one report"),
    )  # fmt: skip
    return Comparison("co_occurrence", levels, (), lambda record: record)


def account_comparisons() -> list[Comparison]:
    """Return every comparison the attribution model weighs, in the order its evidence is listed."""
    return [
        handle_comparison(),
        digits_comparison(),
        display_name_comparison(),
        subject_name_comparison(),
        identifier_comparison(),
        co_occurrence_comparison(),
    ]
