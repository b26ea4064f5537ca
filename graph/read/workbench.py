"""The workbench's own reads: what its pages show that the GraphQL reads do not already answer.

Every query takes `$scope` and answers only what that caller may see, exactly as the API's reads do
(docs/api.md, "Access rules"); the pages combine these with the functions beside this module.
"""

from __future__ import annotations

from typing import Any

from graph.port import GraphPort, Row

TRENDS: dict[str, str] = {
    "reports_by_strand": "workbench/reports_by_strand",
    "reports_by_platform": "workbench/reports_by_platform",
    "reports_by_force": "workbench/reports_by_force",
    "reports_by_month": "workbench/reports_by_month",
    "open_cases_by_force": "workbench/open_cases_by_force",
    "case_sizes": "workbench/case_sizes",
}


def case_detail(port: GraphPort, *, id: str, scope: dict[str, Any]) -> Row | None:
    """Return the case with its assessment, jurisdiction and series explanations, or None when not visible."""
    rows = port.read("workbench/case_detail", id=id, scope=scope)
    return rows[0] if rows else None


def case_duplicate_links(port: GraphPort, *, id: str, scope: dict[str, Any]) -> list[Row]:
    """Return the duplicate links touching the case's reports (both ends visible), with the case of each end."""
    return port.read("workbench/case_duplicate_links", id=id, scope=scope)


def trends(port: GraphPort, *, scope: dict[str, Any]) -> dict[str, list[Row]]:
    """Return every dashboard series (rows of `label` and `value`) over what the caller may see, in one transaction."""
    return port.read_unit(lambda tx: {name: tx.run(query, scope=scope) for name, query in TRENDS.items()})
