"""Pure attribution code: handles and names folded, related forms graded, groups named stably."""

from __future__ import annotations

import pytest

from domain.linkage import Evidence, Link
from graph.attribution.accounts import account_record, handle_digits, undo_leet
from graph.attribution.names import NONE, SAME, STRONG, WEAK, agreement, relation, variants, words_of
from graph.attribution.resolve import Decisions, resolve


@pytest.mark.parametrize(
    ("handle", "plain", "digits"),
    [("b4s3d_street46", "based_street46", "46"), ("1r0nproud45", "ironproud45", "45"), ("dan.k_1990", "dan.k_1990", "1990"),
     ("watcherview44x", "watcherview44x", "44"), ("lthompson00", "lthompson00", "00")],
)  # fmt: skip
def test_leetspeak_and_digits(handle: str, plain: str, digits: str) -> None:
    assert undo_leet(handle) == plain and handle_digits(handle) == digits


def test_facebook_numbers_are_not_the_users() -> None:
    assert handle_digits("dan.kirby.1234", "facebook") is None and handle_digits("dan.kirby.1234", "x") == "1234"


def test_words_and_forms() -> None:
    assert words_of("dankirby.alt") == ("dankirby",) and words_of("The_Anon_Banter") == ("anon", "banter")
    assert variants(("realdankirby",)) == {"realdankirby", "dankirby"}
    assert variants(("dan", "k")) == {"dan.k", "k.dan"}


@pytest.mark.parametrize(
    ("a", "b", "grade"),
    [("dan.k", "dankirby", STRONG), ("chloe.green", "cgreen", STRONG), ("nathansutcliffe", "nate.sutcliffe", STRONG),
     ("oharrison", "owen.h", WEAK), ("patriot", "patriot.voice", WEAK), ("sarahrichards", "sarahharrison", NONE),
     ("cohen.liam", "cohen.natalia", NONE), ("dan.k", "dan.k", SAME)],
)  # fmt: skip
def test_agreement(a: str, b: str, grade: int) -> None:
    assert agreement(a, b) == grade


def test_the_three_example_handles_relate() -> None:
    forms = [account_record({"id": h, "platform": "x", "handle": h})["handle_forms"]
             for h in ("dan.k_1990", "dankirby.alt", "dan_k1990")]  # fmt: skip
    assert relation(forms[0], forms[2]) == SAME and relation(forms[0], forms[1]) == STRONG


def _link(i: int, j: int, probability: float) -> Link:
    return Link(i, j, probability, 5.0, (Evidence("handle", "same_letters", "handles alike", 9.5),))


def test_resolve_respects_decisions_and_keeps_ids() -> None:
    ids = ["x:a", "x:b", "x:c"]
    links = [_link(0, 1, 0.99), _link(1, 2, 0.95)]
    [group] = resolve(ids, links, threshold=0.9, prefix="subject:")
    assert group.id == "subject:x:a" and [m.record for m in group.members] == ids
    assert group.members[0].evidence == ("linked to x:b with match probability 0.990", "handles alike (+9.5)")
    apart = resolve(ids, links, threshold=0.9, prefix="subject:", decisions=Decisions(rejected=(("x:a", "x:c"),)))
    assert [[m.record for m in g.members] for g in apart] == [["x:a", "x:b"], ["x:c"]]
    alone = resolve(ids, links, threshold=0.9, prefix="subject:", decisions=Decisions(split=frozenset({"x:b"})))
    assert len(alone) == 3
    kept = resolve(["x:0", *ids], [_link(0, 1, 0.99), _link(1, 2, 0.99)], threshold=0.9, prefix="subject:",
                   current={"x:a": "subject:x:a", "x:b": "subject:x:a"})  # fmt: skip
    assert kept[0].id == "subject:x:a", "an existing id whose anchor is still in the group is kept"
