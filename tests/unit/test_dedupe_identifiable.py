"""The dedupe benchmark's split of the true groups into the parts the reports themselves can tie."""

from __future__ import annotations

from benchmarks.dedupe import _identifiable_groups
from benchmarks.support import pairwise_scores

TRUTH = {
    "items": {"I1": {"kind": "post"}, "I2": {"kind": "direct_message"}, "I3": {"kind": "video"}},
    "resubmissions": [["F", "G"]],
    "duplicate_groups": [["A", "B", "C", "H"], ["D", "E"], ["F", "G"]],
}
# (report, item): (has_url, has_poster, kind given, received)
FACTS = {
    ("A", "I1"): (True, False, "post", 0.0),    # the post's URL
    ("B", "I1"): (False, True, "post", 10.0),   # "a post by @x": the poster
    ("C", "I1"): (False, False, "post", 20.0),  # "a post on X": a platform and a kind, nothing more
    ("H", "I3"): (True, False, "video", 30.0),  # H shares only I3 with C: tied to the group through C alone
    ("C", "I3"): (False, False, None, 20.0),
    ("D", "I2"): (False, True, "direct_message", 0.0),  # a message without a URL: review only, never merged
    ("E", "I2"): (False, True, "direct_message", 5.0),
}


def test_only_mentions_naming_the_item_tie_reports() -> None:
    parts = sorted(sorted(part) for part in _identifiable_groups(FACTS, TRUTH))
    assert parts == [["A", "B"], ["C"], ["D"], ["E"], ["F", "G"], ["H"]]


def test_the_parts_count_the_pairs_any_rule_could_tie_without_guessing() -> None:
    parts = _identifiable_groups(FACTS, TRUTH)
    assert pairwise_scores(parts, TRUTH["duplicate_groups"])["predicted_pairs"] == 2  # A-B and F-G, of 6 + 1 + 1
    assert pairwise_scores([["A", "B", "C"], ["F", "G"]], parts)["recall"] == 1.0
    assert pairwise_scores([["A", "C"], ["B"], ["F", "G"]], parts)["recall"] == 0.5
