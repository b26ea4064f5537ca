"""The dedupe benchmark's diagnostics: the parts of the true groups the reports themselves can tie, and what a
missed pair lacks."""

from __future__ import annotations

import pytest

from benchmarks.dedupe import _identifiable_groups, _lacking
from benchmarks.support import pairwise_scores

TRUTH = {
    "items": {"I1": {"kind": "post"}, "I2": {"kind": "direct_message"}, "I3": {"kind": "video"}, "I4": {"kind": "post"}},
    "resubmissions": [["F", "G"]],
    "duplicate_groups": [["A", "B", "C", "H"], ["D", "E"], ["F", "G"], ["J", "K"]],
}
# (report, item): (has_url, has_poster, kind given, received, has_posting_time)
FACTS = {
    ("A", "I1"): (True, False, "post", 0.0, False),    # the post's URL
    ("B", "I1"): (False, True, "post", 10.0, False),   # "a post by @x": the poster
    ("C", "I1"): (False, False, "post", 20.0, False),  # "a post on X": a platform and a kind, nothing more
    ("H", "I3"): (True, False, "video", 30.0, False),  # H shares only I3 with C: tied to the group through C alone
    ("C", "I3"): (False, False, None, 20.0, False),
    ("J", "I4"): (True, False, "post", 40.0, False),
    ("K", "I4"): (False, False, "post", 50.0, True),   # "a post on X, posted 14:03": the minute names it
    ("D", "I2"): (False, True, "direct_message", 0.0, False),  # a message without a URL: review only, never merged
    ("E", "I2"): (False, True, "direct_message", 5.0, True),
}


def test_only_mentions_naming_the_item_tie_reports() -> None:
    parts = sorted(sorted(part) for part in _identifiable_groups(FACTS, TRUTH))
    assert parts == [["A", "B"], ["C"], ["D"], ["E"], ["F", "G"], ["H"], ["J", "K"]]


def test_the_parts_count_the_pairs_any_rule_could_tie_without_guessing() -> None:
    parts = _identifiable_groups(FACTS, TRUTH)
    assert pairwise_scores(parts, TRUTH["duplicate_groups"])["predicted_pairs"] == 3  # A-B, F-G, J-K of 6 + 1 + 1 + 1
    assert pairwise_scores([["A", "B", "C"], ["F", "G"], ["J", "K"]], parts)["recall"] == 1.0
    assert pairwise_scores([["A", "C"], ["B"], ["F", "G"], ["J"], ["K"]], parts)["recall"] == pytest.approx(1 / 3)


def test_a_missed_pair_says_what_its_mention_without_url_lacks() -> None:
    assert _lacking(FACTS[("A", "I1")], FACTS[("C", "I1")]) == "the mention without a URL names no poster nor posting time"
    assert _lacking(FACTS[("K", "I4")], FACTS[("J", "I4")]) == "the mention without a URL names no poster, gives a posting time"
    assert _lacking(FACTS[("A", "I1")], FACTS[("B", "I1")]) == "the other names no poster"  # its URL names none either
