"""The advice library: front matter of guidance documents, the situations a case is in, and matching.

Pure: no I/O. A guidance document is Markdown with YAML front matter between `---` lines naming its `title` and
the `offences` (ids from policies/assessment.yaml), `platforms` (platform ids) and `situations` (SITUATIONS) it
is about; `any` in a list means it is not tied to that dimension. A case is described by the offences made out
in its assessment, the platforms of its content and the situations derived from its reports (`case_situations`);
`match` ranks the documents that fit it and says why each one does.
"""

from __future__ import annotations

import re
from collections.abc import Collection, Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any, Protocol

import yaml
from markdown_it import MarkdownIt

ANY = "any"
DIMENSIONS = ("offences", "platforms", "situations")
KEY_PATTERN = re.compile(r"^[a-z0-9][a-z0-9_-]{0,63}$")
MAX_TITLE = 200
MAX_BODY = 50_000

# The situations guidance can be keyed by, and where each one comes from on a case (see `case_situations`).
SITUATIONS: dict[str, str] = {
    "doxxing": "the victim's personal details were published (report indicator personal_details_published)",
    "pile_on": "many accounts targeted the victim together (a pile_on campaign, or both kinds, found by hub networks)",
    "coordinated_campaign": "accounts posted the same words in a burst (a copy_paste campaign, or both kinds)",
    "threat_to_life": "the material threatens to kill (report indicator threat_to_kill)",
    "threats": "the material threatens violence or a sexual offence (indicators threat_of_violence, "
               "sexual_threat, threat_to_kill) or the assessment puts it in CPS social media category 1",
    "course_of_conduct": "the same sender targeted the victim more than once (indicator repeated_contact, or the "
                         "case is in a linked series)",
    "stirring_up": "the material urges others to hate or harm (indicator incitement)",
    "vulnerable_victim": "a victim is vulnerable or under 18 (enhanced rights under the Victims' Code)",
    "nchi": "the case is assessed as a non-crime hate incident",
    "crime": "the case is assessed as a crime",
}
_INDICATOR_SITUATIONS = {
    "personal_details_published": ("doxxing",),
    "threat_to_kill": ("threat_to_life", "threats"),
    "threat_of_violence": ("threats",),
    "sexual_threat": ("threats",),
    "repeated_contact": ("course_of_conduct",),
    "incitement": ("stirring_up",),
}
_CAMPAIGN_SITUATIONS = {"pile_on": ("pile_on",), "copy_paste": ("coordinated_campaign",),
                        "both": ("pile_on", "coordinated_campaign")}
# Ranking: each situation matched counts by its urgency (immediate risk first); any offence matched counts 2 and
# any platform matched 1, however many of them, so that a document tagged with many ids does not crowd out one
# about the situation at hand.
URGENCY = {"threat_to_life": 6, "doxxing": 5, "pile_on": 4, "threats": 3, "course_of_conduct": 3,
           "coordinated_campaign": 3, "stirring_up": 3, "vulnerable_victim": 3, "nchi": 3, "crime": 1}
_WEIGHTS = {"offences": 2, "platforms": 1}
_WORDS = {"situations": "situation", "offences": "offence", "platforms": "platform"}


class GuidanceError(ValueError):
    """A guidance document or template that cannot be used; the message names the file (or key) and field."""


class Tagged(Protocol):
    """A document as `match` sees it: a key, a title and its front-matter lists."""

    key: str
    title: str
    tags: Mapping[str, tuple[str, ...]]


@dataclass(frozen=True)
class Parsed:
    """A document file read: its title, its other front matter, and the Markdown body."""

    title: str
    meta: dict[str, Any]
    body: str


@dataclass(frozen=True)
class Match:
    """A document that fits a case or a filter: `score` ranks it, `reasons` say which tags matched."""

    document: Any
    score: int
    reasons: tuple[str, ...]

    @property
    def reason(self) -> str:
        """Return the reasons in one line, or that the document is general advice."""
        return "; ".join(self.reasons) if self.reasons else "general advice for every case"


def parse_document(text: str, *, source: str) -> Parsed:
    """Return the title, front matter and body of a document file; GuidanceError names `source` and the fault."""
    lines = text.lstrip("\ufeff").splitlines()
    if not lines or lines[0].strip() != "---":
        raise GuidanceError(f"{source}: no front matter: start the file with a '---' line, then title: ...")
    try:
        end = next(number for number, line in enumerate(lines[1:], start=1) if line.strip() == "---")
    except StopIteration:
        raise GuidanceError(f"{source}: the front matter is not closed by a '---' line") from None
    try:
        meta = yaml.safe_load("\n".join(lines[1:end])) or {}
    except yaml.YAMLError as error:
        raise GuidanceError(f"{source}: the front matter is not valid YAML: {error}") from None
    if not isinstance(meta, dict):
        raise GuidanceError(f"{source}: the front matter must be a mapping (title: ..., offences: [...])")
    title = meta.pop("title", None)
    body = "\n".join(lines[end + 1:]).strip("\n") + "\n"
    return Parsed(title=check_text(title, field="title", source=source), meta=meta, body=body)


def check_text(value: Any, *, field: str, source: str, limit: int = MAX_TITLE) -> str:
    """Return `value` stripped; GuidanceError when it is not a non-empty string of at most `limit` characters."""
    if not isinstance(value, str) or not value.strip():
        raise GuidanceError(f"{source}: {field}: give a non-empty text")
    if len(value) > limit:
        raise GuidanceError(f"{source}: {field}: at most {limit} characters, found {len(value)}")
    return value.strip()


def check_key(key: str, *, kind: str) -> str:
    """Return the key when it is a file stem of lower-case letters, digits, '_' or '-'; else GuidanceError."""
    if not isinstance(key, str) or not KEY_PATTERN.match(key):
        raise GuidanceError(f"{kind} {key!r}: a key is 1-64 lower-case letters, digits, '_' or '-' (the file's stem)")
    return key


def check_tags(meta: Mapping[str, Any], *, source: str, offences: Collection[str], platforms: Collection[str],
               extra: Collection[str] = ()) -> dict[str, tuple[str, ...]]:
    """Return the offences, platforms and situations lists, checked against the known ids.

    Each list is required (use `[any]` for "not tied to this"); GuidanceError names `source`, the field and every
    unknown value. Keys other than these and `extra` are refused, so that a misspelt field is not ignored.
    """
    known = {"offences": set(offences), "platforms": set(platforms), "situations": set(SITUATIONS)}
    faults = [f"{name}: unknown field (expected {', '.join(DIMENSIONS)})"
              for name in meta if name not in known and name not in extra]
    tags: dict[str, tuple[str, ...]] = {}
    for name in DIMENSIONS:
        values = meta.get(name)
        if isinstance(values, str):
            values = [values]
        if not isinstance(values, list) or not values or not all(isinstance(v, str) and v.strip() for v in values):
            faults.append(f"{name}: give a list of ids, or [any]")
            continue
        cleaned = tuple(dict.fromkeys(value.strip().lower() for value in values))
        unknown = [value for value in cleaned if value != ANY and value not in known[name]]
        if unknown:
            faults.append(f"{name}: unknown {', '.join(repr(v) for v in unknown)} "
                          f"(known: {', '.join(sorted(known[name]))}, or any)")
        if ANY in cleaned and len(cleaned) > 1:
            faults.append(f"{name}: 'any' stands alone; remove it or the other values")
        tags[name] = cleaned
    if faults:
        raise GuidanceError(f"{source}: " + "; ".join(faults))
    return tags


def case_situations(*, indicators: Iterable[str] = (), campaign_kinds: Iterable[str] = (),
                    cps_category: int | None = None, classification: str | None = None, in_series: bool = False,
                    vulnerable_victim: bool = False) -> tuple[str, ...]:
    """Return the situations a case is in (keys of SITUATIONS, sorted), from what its reports and assessment say."""
    found: set[str] = set()
    for indicator in indicators:
        found.update(_INDICATOR_SITUATIONS.get(indicator, ()))
    for kind in campaign_kinds:
        found.update(_CAMPAIGN_SITUATIONS.get(kind, ()))
    if cps_category == 1:
        found.add("threats")
    if in_series:
        found.add("course_of_conduct")
    if vulnerable_victim:
        found.add("vulnerable_victim")
    if classification in ("crime", "nchi"):
        found.add(classification)
    return tuple(sorted(found))


def _fit(document: Tagged, wanted: Mapping[str, set[str]]) -> tuple[int, list[str]]:
    score, reasons = 0, []
    for name in ("situations", "offences", "platforms"):
        tagged = set(document.tags.get(name, ()))
        hits = sorted(tagged & wanted[name])
        if hits:
            score += sum(URGENCY[hit] for hit in hits) if name == "situations" else _WEIGHTS[name]
            reasons.append(f"{_WORDS[name]}: {', '.join(hits)}")
    return score, reasons


def _general(document: Tagged) -> bool:
    return all(tuple(document.tags.get(name, (ANY,))) == (ANY,) for name in DIMENSIONS)


def match(documents: Iterable[Tagged], offences: Iterable[str] = (), platforms: Iterable[str] = (),
          situations: Iterable[str] = (), *, include_general: bool = True) -> list[Match]:
    """Return the documents that fit, best first, each with why.

    A document fits when any of its offences, platforms or situations is among those given (situations count
    most, by URGENCY, then offences, then platforms); a document tagged `any` on every dimension is general
    advice and fits every case last, unless `include_general` is false. Ties are broken by title.
    """
    wanted = {"offences": set(offences), "platforms": set(platforms), "situations": set(situations)}
    matches = []
    for document in documents:
        score, reasons = _fit(document, wanted)
        if score or (include_general and _general(document)):
            matches.append(Match(document=document, score=score, reasons=tuple(reasons)))
    return sorted(matches, key=lambda found: (-found.score, found.document.title.lower(), found.document.key))


def complete_offences(assessment: Mapping[str, Any] | None) -> tuple[str, ...]:
    """Return the ids of the offences made out in a stored assessment (`Assessment.to_dict()`), in its order."""
    if not assessment:
        return ()
    offences: Sequence[Mapping[str, Any]] = assessment.get("offences") or ()
    return tuple(offence["id"] for offence in offences if offence.get("complete") and offence.get("id"))


_MARKDOWN = MarkdownIt("commonmark", {"html": False, "typographer": False}).enable("table")


def render_markdown(body: str) -> str:
    """Return the Markdown as HTML safe to put in a page: raw HTML is escaped and unsafe links are dropped."""
    return _MARKDOWN.render(body)
