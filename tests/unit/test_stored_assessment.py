"""An assessment as stored on its case: compressed JSON, read back as it was; older plain text still reads."""

from __future__ import annotations

import json
import zlib
from datetime import date, datetime, timezone
from pathlib import Path

import pytest

from domain.assessment import assess
from domain.facts import CaseFacts
from domain.policy import load_assessment_policy
from domain.results import read_stored, read_stored_or_none, stored
from graph.assessment_store import from_stored, to_stored

POLICY_FILE = Path(__file__).resolve().parents[2] / "policies" / "assessment.yaml"


@pytest.fixture(scope="module")
def assessment():
    facts = CaseFacts(case_id="case-1", report_count=2, first_received_at=datetime(2026, 3, 2, tzinfo=timezone.utc),
                      strands=frozenset({"race"}), content_kinds=frozenset({"post"}), platforms=frozenset({"X"}),
                      public_content=True, victim_count=1, victim_nations=frozenset({"england"}))
    return assess(facts, load_assessment_policy(POLICY_FILE), today=date(2026, 3, 10))


def test_the_stored_form_reads_back_as_the_same_assessment(assessment) -> None:
    kept = to_stored(assessment)
    assert read_stored(kept) == json.loads(json.dumps(assessment.to_dict()))
    assert from_stored(kept) == assessment


def test_the_stored_form_is_a_fraction_of_the_json(assessment) -> None:
    text = json.dumps(assessment.to_dict(), ensure_ascii=False).encode("utf-8")
    assert len(to_stored(assessment)) * 3 < len(text)


def test_plain_json_written_before_compression_still_reads(assessment) -> None:
    older = json.dumps(assessment.to_dict(), ensure_ascii=False, sort_keys=True)
    assert read_stored(older) == read_stored(to_stored(assessment))
    assert from_stored(older) == assessment


def test_words_outside_ascii_survive() -> None:
    assert read_stored(stored({"trace": ["Zoë said “enough”"]})) == {"trace": ["Zoë said “enough”"]}


@pytest.mark.parametrize("value", [None, "", b""])
def test_nothing_stored_reads_as_none(value) -> None:
    assert read_stored(value) is None


@pytest.mark.parametrize("value", [b"not compressed", zlib.compress(b"[1, 2]"), "{not json"])
def test_a_value_that_is_not_an_assessment_is_refused(value) -> None:
    with pytest.raises(ValueError):
        read_stored(value)
    assert read_stored_or_none(value) is None  # pages and documents show the case without it
    assert from_stored(value) is None  # the comparison with the previous assessment treats it as a first one
