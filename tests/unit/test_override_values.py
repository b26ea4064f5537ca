"""Override values as typed by an officer, on the command line or through GraphQL, read the same way."""

from __future__ import annotations

import pytest

from domain.override_values import OverrideValueError, parse_override_value


@pytest.mark.parametrize(("field", "text", "value"), [
    ("priority", " p1 ", "P1"),
    ("classification", "CRIME", "crime"),
    ("cps_category", "3", 3),
    ("cps_category", "none", None),
    ("offence:malicious_communications", "made_out", True),
    ("finding:threat", "No", False),
])
def test_values_are_typed_for_their_field(field: str, text: str, value: object) -> None:
    assert parse_override_value(field, text) == value


@pytest.mark.parametrize(("field", "text", "words"), [
    ("cps_category", "high", "1, 2, 3, 4 or none"),
    ("offence:stalking", "maybe", "true or false"),
])
def test_a_value_the_field_cannot_take_is_refused_with_both_named(field: str, text: str, words: str) -> None:
    with pytest.raises(OverrideValueError, match=words) as refusal:
        parse_override_value(field, text)
    assert field in str(refusal.value) and repr(text) in str(refusal.value)
