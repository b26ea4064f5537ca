"""Cursors round-trip and refuse forgeries; search words become a Lucene query of literal, required words."""

from __future__ import annotations

from datetime import datetime, timezone

import pytest

from api.graphql.extensions import ShownError
from api.graphql.pagination import connection, decode_cursor, encode_cursor, page_size
from graph.read.text import lucene_query


def test_cursor_round_trips_times_numbers_and_ids() -> None:
    at = datetime(2026, 10, 1, 10, 30, tzinfo=timezone.utc)
    assert decode_cursor(encode_cursor(at, "case:a")) == {"sort": at, "id": "case:a"}
    assert decode_cursor(encode_cursor(3, "x:troll")) == {"sort": 3, "id": "x:troll"}
    assert decode_cursor(None) is None


@pytest.mark.parametrize("forged", ["", "not base64!", "bm90LWpzb24", "WzEsMl0"])
def test_forged_cursors_are_refused(forged: str) -> None:
    with pytest.raises(ShownError, match="not a cursor this API issued"):
        decode_cursor(forged)


def test_page_size_is_bounded() -> None:
    assert page_size(None) == 20 and page_size(100) == 100
    for wrong in (0, 101, -1):
        with pytest.raises(ShownError, match="between 1 and 100"):
            page_size(wrong)


def test_connection_has_next_page_only_when_a_row_is_left_over() -> None:
    rows = [{"id": f"n{i}", "sort": i} for i in range(3)]
    page = connection(rows, ["a", "b", "c"], 2)
    assert [edge.node for edge in page.edges] == ["a", "b"] and page.page_info.has_next_page
    assert decode_cursor(page.page_info.end_cursor) == {"sort": 1, "id": "n1"}
    last = connection(rows[:2], ["a", "b"], 2)
    assert not last.page_info.has_next_page


def test_lucene_query_takes_words_literally() -> None:
    assert lucene_query("Amira) OR (*") == r"+amira\) +or +\(\*"
    assert lucene_query("  go   HOME ") == "+go +home"
    assert lucene_query("a:b/c") == r"+a\:b\/c"
    assert lucene_query("   ") is None and lucene_query(None) is None
