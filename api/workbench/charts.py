"""Charts drawn on the server as inline SVG: horizontal bars for categories, columns for months.

Pure functions: rows of (label, value) in, SVG text out, every label escaped. Each chart carries a title and
a description for screen readers; the page puts the same numbers in a table under it.
"""

from __future__ import annotations

from collections.abc import Sequence
from html import escape

from markupsafe import Markup

BAR_COLOUR = "#1d4f91"  # 8.6:1 on white
TEXT_COLOUR = "#1b1b1b"
GRID_COLOUR = "#b1b4b6"
Series = Sequence[tuple[str, float]]


def _number(value: float) -> str:
    return f"{value:g}" if isinstance(value, float) else str(value)


def _frame(chart_id: str, title: str, width: int, height: int, body: list[str], summary: str) -> Markup:
    return Markup(
        f'<svg xmlns="http://www.w3.org/2000/svg" class="chart" id="{escape(chart_id)}" role="img" '
        f'viewBox="0 0 {width} {height}" width="{width}" height="{height}" '
        f'aria-labelledby="{escape(chart_id)}-title {escape(chart_id)}-desc">'
        f'<title id="{escape(chart_id)}-title">{escape(title)}</title>'
        f'<desc id="{escape(chart_id)}-desc">{escape(summary)}</desc>'
        + "".join(body) + "</svg>"
    )


def _summary(rows: Series) -> str:
    if not rows:
        return "No data."
    return "; ".join(f"{label}: {_number(value)}" for label, value in rows) + "."


def bar_chart(chart_id: str, title: str, rows: Series, *, width: int = 560, label_width: int = 200,
              bar_height: int = 22, gap: int = 8) -> Markup:
    """Return a horizontal bar chart of `rows` as SVG, bars scaled to the largest value, each value written at its end."""
    rows = [(str(label), value) for label, value in rows]
    if not rows:
        return _frame(chart_id, title, width, 40, [_text(8, 24, "No data to show.")], _summary(rows))
    top = max(value for _, value in rows) or 1
    room = width - label_width - 60
    height = len(rows) * (bar_height + gap) + gap
    body = [f'<line x1="{label_width}" y1="0" x2="{label_width}" y2="{height}" stroke="{GRID_COLOUR}"/>']
    for index, (label, value) in enumerate(rows):
        y = gap + index * (bar_height + gap)
        length = max(0.0, value / top * room)
        body.append(_text(label_width - 8, y + bar_height * 0.7, _clip(label, 28), anchor="end"))
        body.append(f'<rect x="{label_width}" y="{y}" width="{length:.1f}" height="{bar_height}" fill="{BAR_COLOUR}">'
                    f'<title>{escape(label)}: {escape(_number(value))}</title></rect>')
        body.append(_text(label_width + length + 6, y + bar_height * 0.7, _number(value)))
    return _frame(chart_id, title, width, height, body, _summary(rows))


def column_chart(chart_id: str, title: str, rows: Series, *, width: int = 560, height: int = 220,
                 axis_height: int = 28) -> Markup:
    """Return a column chart of `rows` in their order (months, oldest first) as SVG, each value above its column."""
    rows = [(str(label), value) for label, value in rows]
    if not rows:
        return _frame(chart_id, title, width, 40, [_text(8, 24, "No data to show.")], _summary(rows))
    top = max(value for _, value in rows) or 1
    plot = height - axis_height - 20
    slot = width / len(rows)
    column = max(4.0, min(60.0, slot * 0.6))
    base = height - axis_height
    body = [f'<line x1="0" y1="{base}" x2="{width}" y2="{base}" stroke="{GRID_COLOUR}"/>']
    for index, (label, value) in enumerate(rows):
        centre = slot * index + slot / 2
        size = max(0.0, value / top * plot)
        body.append(f'<rect x="{centre - column / 2:.1f}" y="{base - size:.1f}" width="{column:.1f}" '
                    f'height="{size:.1f}" fill="{BAR_COLOUR}"><title>{escape(label)}: {escape(_number(value))}</title></rect>')
        body.append(_text(centre, base - size - 4, _number(value), anchor="middle"))
        body.append(_text(centre, base + 18, _clip(label, 10), anchor="middle"))
    return _frame(chart_id, title, width, height, body, _summary(rows))


def _text(x: float, y: float, words: str, *, anchor: str = "start") -> str:
    return (f'<text x="{x:.1f}" y="{y:.1f}" text-anchor="{anchor}" fill="{TEXT_COLOUR}" '
            f'font-size="13">{escape(words)}</text>')


def _clip(words: str, most: int) -> str:
    return words if len(words) <= most else words[: most - 1] + "…"
