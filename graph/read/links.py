"""Links from nodes to the nodes under them, one query per kind of link, for many parents at once.

Each query takes `$ids` (the parents) and `$scope`, and returns one row per visible child: `key` (the
parent), `id` (the child) and whatever the link carries. Callers group the rows by `key`.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from graph.port import GraphPort, Row

LINK_QUERIES: dict[str, str] = {
    "case_reports": "api/case_reports",
    "linked_cases": "api/linked_cases",
    "report_items": "api/report_items",
    "report_accounts": "api/report_accounts",
    "report_people": "api/report_people",
    "person_accounts": "api/person_accounts",
    "person_reports": "api/person_reports",
    "account_reports": "api/account_reports",
    "account_items": "api/account_items",
    "account_campaigns": "api/account_campaigns",
    "account_controllers": "api/account_controllers",
    "item_reports": "api/item_reports",
    "item_accounts": "api/item_accounts",
    "item_campaigns": "api/item_campaigns",
    "campaign_accounts": "api/campaign_accounts",
    "campaign_items": "api/campaign_items",
}


def linked(port: GraphPort, link: str, *, ids: Sequence[str], scope: dict[str, Any]) -> list[Row]:
    """Return the visible children of every parent in `ids` through `link` (a name in LINK_QUERIES)."""
    if link not in LINK_QUERIES:
        raise KeyError(f"no link named {link!r}; known: {sorted(LINK_QUERIES)}")
    return port.read(LINK_QUERIES[link], ids=list(ids), scope=scope)
