"""The server-drawn charts: well-formed SVG, bars in proportion, labels escaped, an accessible name."""

from __future__ import annotations

import xml.etree.ElementTree as ET

from api.workbench.charts import bar_chart, column_chart

SVG = "{http://www.w3.org/2000/svg}"


def _parse(markup: str) -> ET.Element:
    return ET.fromstring(str(markup))


def test_bars_are_proportional_and_labelled() -> None:
    svg = _parse(bar_chart("c1", "Reports by strand", [("race", 10), ("religion", 5)]))
    widths = [float(rect.get("width")) for rect in svg.iter(f"{SVG}rect")]
    assert widths[0] == 2 * widths[1] > 0
    texts = [text.text for text in svg.iter(f"{SVG}text")]
    assert texts == ["race", "10", "religion", "5"]
    assert svg.get("role") == "img" and svg.get("aria-labelledby") == "c1-title c1-desc"
    assert svg.find(f"{SVG}title").text == "Reports by strand"
    assert svg.find(f"{SVG}desc").text == "race: 10; religion: 5."


def test_labels_are_escaped() -> None:
    markup = bar_chart("c2", "<b>x</b>", [("<script>alert(1)</script>", 1)])
    assert "<script>" not in markup and "&lt;script&gt;" in markup
    assert _parse(markup).find(f"{SVG}title").text == "<b>x</b>"


def test_columns_keep_their_order_and_empty_charts_say_so() -> None:
    svg = _parse(column_chart("c3", "Reports by month", [("2026-09", 2), ("2026-10", 4)]))
    heights = [float(rect.get("height")) for rect in svg.iter(f"{SVG}rect")]
    assert heights[1] == 2 * heights[0]
    labels = [text.text for text in svg.iter(f"{SVG}text")]
    assert labels.index("2026-09") < labels.index("2026-10")
    for draw in (bar_chart, column_chart):
        empty = _parse(draw("c4", "Nothing", []))
        assert [text.text for text in empty.iter(f"{SVG}text")] == ["No data to show."]
        assert empty.find(f"{SVG}desc").text == "No data."


def test_all_zero_values_draw_no_bars_without_dividing_by_zero() -> None:
    svg = _parse(bar_chart("c5", "Zeros", [("a", 0), ("b", 0)]))
    assert [float(rect.get("width")) for rect in svg.iter(f"{SVG}rect")] == [0.0, 0.0]
