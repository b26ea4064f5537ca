"""An evidence package as one self-contained HTML page: inline CSS, no script, nothing fetched from anywhere.

Rendered from domain/templates/evidence_package.html with autoescaping; the advice's Markdown is rendered with
raw HTML and images turned off, so no text in a package can load an outside resource.
"""

from __future__ import annotations

from collections.abc import Mapping
from functools import lru_cache
from pathlib import Path
from typing import Any

from jinja2 import Environment, FileSystemLoader, select_autoescape
from markdown_it import MarkdownIt
from markupsafe import Markup

TEMPLATES = Path(__file__).resolve().parent / "templates"


@lru_cache(maxsize=1)
def _environment() -> Environment:
    markdown = MarkdownIt("commonmark", {"html": False}).disable("image")
    environment = Environment(loader=FileSystemLoader(TEMPLATES), autoescape=select_autoescape(["html"]),
                              trim_blocks=True, lstrip_blocks=True)
    environment.filters["markdown"] = lambda text: Markup(markdown.render(text or ""))
    environment.filters["listed"] = lambda value: ", ".join(str(v) for v in value or []) if isinstance(
        value, (list, tuple)) else ("" if value is None else str(value))
    return environment


def render_html(document: Mapping[str, Any]) -> str:
    """Return the package's HTML page for a package document (package.json as a dict)."""
    return _environment().get_template("evidence_package.html").render(doc=document)
