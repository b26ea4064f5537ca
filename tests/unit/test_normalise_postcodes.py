"""UK postcodes: format rules, spacing and case, and the units derived from them."""

from __future__ import annotations

import pytest

from loaders.normalise import Postcode, find_postcode, looks_like_postcode, parse_outward, parse_postcode


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("ls62ab", Postcode("LS6 2AB", "LS6", "2AB", "LS6", "LS6 2", "LS")),
        ("LS6 2AB", Postcode("LS6 2AB", "LS6", "2AB", "LS6", "LS6 2", "LS")),
        ("  ls6   2ab ", Postcode("LS6 2AB", "LS6", "2AB", "LS6", "LS6 2", "LS")),
        ("M14 5RJ", Postcode("M14 5RJ", "M14", "5RJ", "M14", "M14 5", "M")),
        ("CF24 3AA", Postcode("CF24 3AA", "CF24", "3AA", "CF24", "CF24 3", "CF")),
        ("b152tt", Postcode("B15 2TT", "B15", "2TT", "B15", "B15 2", "B")),
        ("M1 1AE", Postcode("M1 1AE", "M1", "1AE", "M1", "M1 1", "M")),
        ("W1A 0AX", Postcode("W1A 0AX", "W1A", "0AX", "W1A", "W1A 0", "W")),
        ("EC1A 1BB", Postcode("EC1A 1BB", "EC1A", "1BB", "EC1A", "EC1A 1", "EC")),
        ("sw1a1aa", Postcode("SW1A 1AA", "SW1A", "1AA", "SW1A", "SW1A 1", "SW")),
        ("DN55 1PT", Postcode("DN55 1PT", "DN55", "1PT", "DN55", "DN55 1", "DN")),
        ("GIR 0AA", Postcode("GIR 0AA", "GIR", "0AA", "GIR", "GIR 0", "GIR")),
    ],
)
def test_parse_postcode(text: str, expected: Postcode) -> None:
    assert parse_postcode(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        None, "", "   ", "Rotherham", "LS6", "B15", "LS6 2A", "LS6 2ABC", "123 4AB",
        "QS6 2AB",  # Q never starts a postcode
        "VS6 2AB",  # nor V
        "XS6 2AB",  # nor X
        "LI6 2AB",  # I is never second
        "LJ6 2AB",  # nor J
        "LZ6 2AB",  # nor Z
        "W1I 0AX",  # I never ends an A9A outward code
        "EC1C 1BB",  # C never ends an AA9A outward code
        "LS6 2CB", "LS6 2AI", "LS6 2KA", "LS6 2MA", "LS6 2OA", "LS6 2AV",  # inward letters exclude CIKMOV
        "LS6 AAB", "GIR 1AA", "LS6-2AB", "LS6 2AB extra",
    ],
)
def test_invalid_postcodes_give_none(text: str | None) -> None:
    assert parse_postcode(text) is None


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("B15", "B15"), ("b15", "B15"), (" ls6 ", "LS6"), ("EC1A", "EC1A"), ("W1A", "W1A"), ("M1", "M1"),
        ("B15 2TT", "B15"), ("cf243aa", "CF24"), ("GIR", "GIR"),
    ],
)
def test_parse_outward(text: str, expected: str) -> None:
    assert parse_outward(text) == expected


@pytest.mark.parametrize("text", [None, "", "Rotherham", "Birmingham B15", "Q15", "B", "15", "B15 2", "LS6 2CB"])
def test_parse_outward_rejects_towns_and_invalid_codes(text: str | None) -> None:
    assert parse_outward(text) is None


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("LS6 2AB", True), ("ls62ab", True), ("GIR 0AA", True), ("EC1A 1BB", True),
        ("LS6 2AC", True),  # postcode-shaped though C is not allowed inward: a typo, not a town
        ("Rotherham", False), ("B15", False), ("", False), (None, False), ("123 456", False),
    ],
)
def test_looks_like_postcode(text: str | None, expected: bool) -> None:
    assert looks_like_postcode(text) is expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Leeds, LS6 2AB", "LS6 2AB"),
        ("Flat 2, 10 High St, Birmingham b15 2tt, UK", "B15 2TT"),
        ("ls62ab", "LS6 2AB"),
        ("somewhere near LS6 2CB then M14 5RJ", "M14 5RJ"),
    ],
)
def test_find_postcode_in_text(text: str, expected: str) -> None:
    found = find_postcode(text)
    assert found is not None
    assert found.postcode == expected


@pytest.mark.parametrize("text", [None, "", "Rotherham", "B15 only", "call 07700 900123"])
def test_find_postcode_without_one_gives_none(text: str | None) -> None:
    assert find_postcode(text) is None
