"""Cases from links and decisions: transitive, stable ids, rejected pairs never together, splits isolated."""

from __future__ import annotations

import pytest

from graph.dedupe.clustering import ClusterInput, assign_cases, case_id_for


def _groups(assignment: dict[str, str]) -> set[frozenset[str]]:
    groups: dict[str, set[str]] = {}
    for report, case in assignment.items():
        groups.setdefault(case, set()).add(report)
    return {frozenset(group) for group in groups.values()}


def _links(*pairs: tuple[str, str]) -> dict[str, list[str]]:
    links: dict[str, list[str]] = {}
    for a, b in pairs:
        links.setdefault(a, []).append(b)
        links.setdefault(b, []).append(a)
    return links


CASES = [
    ("no links: one case each", "abc", [], [], [], [{"a"}, {"b"}, {"c"}]),
    ("a link joins two", "abc", [("b", "a")], [], [], [{"a", "b"}, {"c"}]),
    ("transitive through a report on two items", "abc", [("c", "a"), ("c", "b")], [], [], [{"a", "b", "c"}]),
    ("a chain", "abcd", [("b", "a"), ("c", "b"), ("d", "c")], [], [], [{"a", "b", "c", "d"}]),
    ("rejected pair stays apart", "ab", [("b", "a")], [("a", "b")], [], [{"a"}, {"b"}]),
    ("rejected pair stays apart through a third report", "abc", [("c", "a"), ("c", "b")], [("a", "b")], [], [{"a", "c"}, {"b"}]),
    ("rejected pair apart even when linked later", "abcd", [("b", "a"), ("d", "c"), ("d", "b")], [("a", "c")], [], [{"a", "b", "d"}, {"c"}]),
    ("split report on its own", "abc", [("b", "a"), ("c", "a")], [], ["b"], [{"a", "c"}, {"b"}]),
    ("split bridge breaks the case", "abc", [("b", "a"), ("c", "b")], [], ["b"], [{"a"}, {"b"}, {"c"}]),
]


@pytest.mark.parametrize(("name", "order", "links", "rejected", "isolated", "expected"), CASES, ids=[c[0] for c in CASES])
def test_grouping(name: str, order: str, links: list, rejected: list, isolated: list, expected: list) -> None:
    assignment = assign_cases(ClusterInput(order=list(order), links=_links(*links), cannot_link=rejected, isolated=isolated))
    assert _groups(assignment) == {frozenset(group) for group in expected}


def test_case_named_after_its_earliest_report() -> None:
    assignment = assign_cases(ClusterInput(order=["r1", "r2"], links=_links(("r2", "r1"))))
    assert assignment == {"r1": case_id_for("r1"), "r2": case_id_for("r1")}


def test_existing_case_id_survives_a_merge() -> None:
    current = {"r1": "case:old-1", "r2": "case:old-2"}
    assignment = assign_cases(
        ClusterInput(order=["r1", "r2", "r3"], links=_links(("r3", "r1"), ("r3", "r2")), current_case=current)
    )
    assert set(assignment.values()) == {"case:old-1"}


def test_split_off_part_gets_a_fresh_id() -> None:
    current = {"a": "case:a", "b": "case:a", "c": "case:a"}
    assignment = assign_cases(
        ClusterInput(order=["a", "b", "c"], links=_links(("b", "a"), ("c", "b")), isolated=["b"], current_case=current)
    )
    assert assignment["a"] == "case:a"
    assert len(set(assignment.values())) == 3


def test_order_of_links_does_not_change_the_result() -> None:
    forward = _links(("c", "a"), ("c", "b"), ("d", "c"))
    backward = {key: list(reversed(value)) for key, value in forward.items()}
    first = assign_cases(ClusterInput(order=list("abcd"), links=forward, cannot_link=[("a", "b")]))
    second = assign_cases(ClusterInput(order=list("abcd"), links=backward, cannot_link=[("a", "b")]))
    assert first == second
