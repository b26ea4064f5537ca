"""Finding every reference a page makes to a resource on another host: a network page must make none."""

from __future__ import annotations

import re
from html.parser import HTMLParser

# Attributes through which a browser fetches something by itself.
_FETCHING = {
    "script": ("src",), "link": ("href",), "img": ("src", "srcset"), "iframe": ("src",), "embed": ("src",),
    "object": ("data",), "source": ("src", "srcset"), "video": ("src", "poster"), "audio": ("src",),
    "track": ("src",), "image": ("href", "xlink:href"), "use": ("href", "xlink:href"), "input": ("src",),
    "frame": ("src",),
}
_CSS_URL = re.compile(r"""url\(\s*(['"]?)(.*?)\1\s*\)""", re.IGNORECASE | re.DOTALL)
_CSS_IMPORT = re.compile(r"""@import\s+(?:url\(\s*)?(['"]?)([^'")\s;]+)""", re.IGNORECASE)
_LOCAL = ("data:", "#", "blob:", "about:")


def is_outside(reference: str) -> bool:
    """Return True when fetching `reference` would reach beyond the page itself (another host or protocol)."""
    value = reference.strip().lower()
    if not value or value.startswith(_LOCAL):
        return False
    return value.replace("\\", "/").startswith("//") or bool(re.match(r"^[a-z][a-z0-9+.-]*:", value))


class _References(HTMLParser):
    """Collects fetching attributes, and the text of <style> elements and style attributes."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.found: list[str] = []
        self.css: list[str] = []
        self._in_style = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        for name, value in attrs:
            if value is None:
                continue
            if name in _FETCHING.get(tag, ()):
                parts = value.split(",") if name == "srcset" else [value]
                self.found += [f"<{tag} {name}={part.strip().split(' ')[0]}>" for part in parts
                               if is_outside(part.strip().split(" ")[0])]
            if name == "style":
                self.css.append(value)
        self._in_style = tag == "style"

    def handle_endtag(self, tag: str) -> None:
        if tag == "style":
            self._in_style = False

    def handle_data(self, data: str) -> None:
        if self._in_style:
            self.css.append(data)


def outside_references(html: str) -> list[str]:
    """Return every reference the page makes to another host: script src, link href, img src, CSS url() and @import.

    Scripts' own text is not read as references: vis-network's code names its licence pages, which it never
    fetches. The Content-Security-Policy the pages are served with refuses anything this misses.
    """
    parser = _References()
    parser.feed(html)
    parser.close()
    found = list(parser.found)
    for css in parser.css:
        found += [f"url({match.group(2)})" for match in _CSS_URL.finditer(css) if is_outside(match.group(2))]
        found += [f"@import {match.group(2)}" for match in _CSS_IMPORT.finditer(css) if is_outside(match.group(2))]
    return found
