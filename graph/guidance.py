"""Advice for a case: the guidance documents matching its offences, platforms and situations, best first.

Assignment notices and evidence packages attach it; the workbench and GraphQL show it. The case's tags are read
in one query for many cases (`cypher/guidance/case_tags.cypher`, confined to `$scope`); the matching itself is
`domain.guidance.match` over the library as it stands (`graph.documents.current`).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from domain.access import HUB_SCOPE
from domain.guidance import Match, case_situations, complete_offences, match
from domain.results import read_stored_or_none
from graph.documents import GUIDANCE, Document, current
from graph.port import GraphPort, Row



@dataclass(frozen=True)
class CaseTags:
    """What a case's advice is chosen by: offences made out, platforms of its content, its situations."""

    case_id: str
    offences: tuple[str, ...]
    platforms: tuple[str, ...]
    situations: tuple[str, ...]


def _tags(row: Row) -> CaseTags:
    assessment = read_stored_or_none(row["assessment_json"])
    situations = case_situations(
        indicators=row["indicators"], campaign_kinds=row["campaign_kinds"], cps_category=row["cps_category"],
        classification=row["classification"], in_series=row["in_series"],
        vulnerable_victim=bool(row["vulnerable_victim"]),
    )
    return CaseTags(case_id=row["case"], offences=complete_offences(assessment),
                    platforms=tuple(sorted(p for p in row["platforms"] if p)), situations=situations)


def case_tags(port: GraphPort, case_ids: Iterable[str], *, scope: dict[str, Any] | None = None) -> dict[str, CaseTags]:
    """Return the tags of each case the scope reaches, by case id (cases out of scope or unknown are absent)."""
    ids = sorted(set(case_ids))
    if not ids:
        return {}
    rows = port.read("guidance/case_tags", cases=ids, scope=scope or HUB_SCOPE)
    return {row["case"]: _tags(row) for row in rows}


def matches_for_cases(port: GraphPort, case_ids: Iterable[str], *,
                      scope: dict[str, Any] | None = None) -> dict[str, tuple[CaseTags, list[Match]]]:
    """Return, for each case in scope, its tags and the matching guidance (best first, with the reasons)."""
    tags = case_tags(port, case_ids, scope=scope)
    if not tags:
        return {}
    library = current(port, GUIDANCE)
    return {case_id: (found, match(library, found.offences, found.platforms, found.situations))
            for case_id, found in tags.items()}


def guidance_for_cases(port: GraphPort, case_ids: Iterable[str]) -> dict[str, list[Document]]:
    """Return the matching guidance for each case, best first (one read for all of them)."""
    return {case_id: [found.document for found in matches]
            for case_id, (_, matches) in matches_for_cases(port, case_ids).items()}


def guidance_for_case(port: GraphPort, case_id: str) -> list[Document]:
    """Return the guidance matching the case's offences, platforms and situations, best first ([] if no case)."""
    return guidance_for_cases(port, [case_id]).get(case_id, [])


def case_advice(port: GraphPort, case_id: str, *, scope: dict[str, Any]) -> list[dict[str, Any]]:
    """Return the advice for a case the scope reaches as plain rows (key, title, version, reason), best first."""
    found = matches_for_cases(port, [case_id], scope=scope).get(case_id)
    if found is None:
        return []
    return [{"key": item.document.key, "title": item.document.title, "version": item.document.version,
             "reason": item.reason} for item in found[1]]
