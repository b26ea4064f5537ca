"""The comparisons that weigh whether two accounts have one person behind them. Pure.

Each is a `domain.linkage.Comparison` over the records of `accounts.py`. EM estimates their m and u, except for
the levels in FIXED: certain evidence (the same account, one handle on one platform written two ways; an e-mail
or phone given for the people said to use both) and one level EM misjudges (the same name with another number,
which pseudonyms sharing their words make look like a match). CONTRADICTIONS are levels that keep two accounts
apart even through others (see `resolve.py`).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from domain.linkage import Comparison, Level, jaro_winkler
from graph.attribution.names import NONE, SAME, STRONG, WEAK, relation

FIXED = {
    "handle": {
        "same_account": (0.02, 1e-9),  # certain: one account (a platform's two spellings of it), weight +24.3
        "digits_differ": (0.01, 0.1),  # people keep their number: weight -3.3
    },
    "identifier": {"shared": (0.6, 1e-7)},  # certain: the same e-mail or phone, weight +22.5
}
CONTRADICTIONS = frozenset({("handle", "digits_differ"), ("subject_name", "else")})  # another number; another name
TYPO_SIMILARITY = 0.92
Record = dict[str, Any]


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


def handle_comparison() -> Comparison:
    """Return the levels of two handles' letters and digits together (one person reuses their number).

    same_account / same_letters_and_digits / same_letters / strong_and_digits / strong / digits_only /
    weak / digits_differ / else; digits count only where both handles carry some.
    """

    def letters_and_digits(a: Record, b: Record) -> tuple[int, bool | None]:
        return relation(a["handle_forms"], b["handle_forms"]), _digits_agree(a, b)

    def level(letters: set[int], digits: set[bool | None]) -> Callable[[Record, Record], bool]:
        def predicate(a: Record, b: Record) -> bool:
            found_letters, found_digits = letters_and_digits(a, b)
            return found_letters in letters and found_digits in digits

        return predicate

    levels = (
        Level("same_account", lambda a, b: a["platform"] == b["platform"] and a["plain_handle"] == b["plain_handle"],
              "one handle on one platform, written two ways"),
        Level("same_letters_and_digits", level({SAME}, {True}), "handles' letters and digits the same"),
        Level("same_letters", level({SAME}, {None}), "handles' letters the same (digits on one side only)"),
        Level("strong_and_digits", level({STRONG}, {True}),
              "handles abbreviate one name alike ('dan.k' and 'dankirby'), with the same digits"),
        Level("strong", level({STRONG}, {None}), "handles abbreviate one name alike ('dan.k' and 'dankirby')"),
        Level("digits_only", level({WEAK, NONE}, {True}), "handles share only their digits (a year, a number)"),
        Level("weak", level({WEAK}, {None}), "handles compatible by initials only ('oharrison' and 'owen.h')"),
        Level("digits_differ", level({SAME, STRONG, WEAK}, {False}), "handles alike but carrying different digits"),
        Level("else", None, "handles unrelated"),
    )  # fmt: skip
    return Comparison("handle", levels, (), lambda record: record if record.get("handle_forms") else None)


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
        display_name_comparison(),
        subject_name_comparison(),
        identifier_comparison(),
        co_occurrence_comparison(),
    ]
