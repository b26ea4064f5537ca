"""What each workbench page shows, gathered from the scoped reads in one call per page (run off the event loop).

Each function takes the port and the caller's principal, keyword-only, and returns a plain dict for the
template, including `shown`: the ids of the nodes holding personal data that the page shows, for the audit.
"""

from __future__ import annotations

import base64
import binascii
import json
from collections import defaultdict
from datetime import datetime
from typing import Any

from domain.access import Principal
from domain.results import read_stored_or_none
from graph import referral_reads
from graph.guidance import case_advice
from graph.port import GraphPort, Row
from graph.read import links, lists, nodes, workbench

PAGE_SIZE = 25
CASE_STATUSES = ("open", "closed")
PRIORITIES = ("P1", "P2", "P3", "P4")
STRANDS = ("race", "religion", "sexual_orientation", "disability", "transgender", "other")


def encode_cursor(row: Row) -> str:
    """Return an opaque cursor for the row a page ended on."""
    sort = row["sort"].isoformat() if isinstance(row["sort"], datetime) else row["sort"]
    return base64.urlsafe_b64encode(json.dumps({"sort": sort, "id": row["id"]}).encode()).decode()


def decode_cursor(cursor: str | None, *, times: bool) -> Row | None:
    """Return the {sort, id} a cursor stands for, or None for a missing or damaged one (the first page)."""
    if not cursor:
        return None
    try:
        value = json.loads(base64.urlsafe_b64decode(cursor.encode()))
        sort = datetime.fromisoformat(value["sort"]) if times else int(value["sort"])
        return {"sort": sort, "id": str(value["id"])}
    except (binascii.Error, ValueError, KeyError, TypeError):
        return None


def _page(rows: list[Row]) -> tuple[list[Row], str | None]:
    more = len(rows) > PAGE_SIZE
    rows = rows[:PAGE_SIZE]
    return rows, encode_cursor(rows[-1]) if more and rows else None


def queue_page(port: GraphPort, *, principal: Principal, filters: dict[str, str | None],
               after: str | None) -> dict[str, Any]:
    """Return one page of the caller's case queue with the choices of every filter."""
    scope = principal.scope
    page, next_cursor = _page(lists.cases(port, scope=scope, filters=filters,
                                          after=decode_cursor(after, times=True), limit=PAGE_SIZE + 1))
    found = {row["id"]: row for row in nodes.cases_by_id(port, ids=[row["id"] for row in page], scope=scope)}
    forces = sorted(nodes.forces(port), key=lambda force: force["name"] or force["id"])
    return {"cases": [found[row["id"]] for row in page if row["id"] in found], "next": next_cursor,
            "forces": forces, "force_names": {force["id"]: force["name"] for force in forces},
            "platforms": nodes.platforms(port), "statuses": CASE_STATUSES, "priorities": PRIORITIES,
            "strands": STRANDS, "shown": list(found)}


def _grouped(rows: list[Row]) -> dict[str, list[Row]]:
    grouped: dict[str, list[Row]] = defaultdict(list)
    for row in rows:
        grouped[row["key"]].append(row)
    return grouped


def case_page(port: GraphPort, *, principal: Principal, case_id: str) -> dict[str, Any] | None:
    """Return the case page's content: the case and its assessment, reports with their people and accounts,
    duplicate links and linked cases; None when the case is not visible."""
    scope = principal.scope
    case = workbench.case_detail(port, id=case_id, scope=scope)
    if case is None:
        return None
    report_ids = [row["id"] for row in links.linked(port, "case_reports", ids=[case_id], scope=scope)]
    reports = sorted(nodes.reports_by_id(port, ids=report_ids, scope=scope),
                     key=lambda row: (row["received_at"] is None, row["received_at"] or datetime.min, row["id"]))
    roles = _grouped(links.linked(port, "report_people", ids=report_ids, scope=scope))
    accounts = _grouped(links.linked(port, "report_accounts", ids=report_ids, scope=scope))
    person_ids = sorted({row["id"] for rows in roles.values() for row in rows})
    people = {row["id"]: row for row in nodes.people_by_id(port, ids=person_ids, scope=scope,
                                                            contacts=principal.contacts_withheld is None)}
    content = _grouped(links.linked(port, "report_items", ids=report_ids, scope=scope))
    item_keys = sorted({row["id"] for rows in content.values() for row in rows})
    items = {row["id"]: row for row in nodes.items_by_id(port, ids=item_keys, scope=scope)}  # with their removal
    for report in reports:
        report["people"] = [{**people[row["id"]], "role": row["role"]} for row in roles.get(report["id"], [])
                            if row["id"] in people]
        report["accounts"] = [row["id"] for row in accounts.get(report["id"], [])]
        report["items"] = [items[row["id"]] for row in content.get(report["id"], []) if row["id"] in items]
    duplicates = workbench.case_duplicate_links(port, id=case_id, scope=scope)
    linked_cases = [row["id"] for row in links.linked(port, "linked_cases", ids=[case_id], scope=scope)]
    account_ids = sorted({account for report in reports for account in report["accounts"]})
    return {"case": case, "assessment": read_stored_or_none(case.get("assessment_json")), "reports": reports,
            "advice": case_advice(port, case_id, scope=scope),
            "duplicates": duplicates, "linked_cases": linked_cases,
            "referrals": referral_reads.list_referrals(port, scope=scope, case=case_id),
            "shown": [case_id, *report_ids, *person_ids, *account_ids, *items]}


def account_page(port: GraphPort, *, principal: Principal, account_id: str) -> dict[str, Any] | None:
    """Return the account page's content: standing, who controls it and how sure, its campaigns and reports."""
    scope = principal.scope
    found = nodes.accounts_by_id(port, ids=[account_id], scope=scope)
    if not found:
        return None
    controllers = links.linked(port, "account_controllers", ids=[account_id], scope=scope)
    campaign_ids = [row["id"] for row in links.linked(port, "account_campaigns", ids=[account_id], scope=scope)]
    report_ids = [row["id"] for row in links.linked(port, "account_reports", ids=[account_id], scope=scope)]
    return {"account": found[0], "controllers": controllers,
            "campaigns": nodes.campaigns_by_id(port, ids=campaign_ids, scope=scope),
            "reports": nodes.reports_by_id(port, ids=report_ids, scope=scope),
            "shown": [account_id, *[row["id"] for row in controllers], *report_ids]}


def person_page(port: GraphPort, *, principal: Principal, person_id: str) -> dict[str, Any] | None:
    """Return the person page's content: who they are, the accounts attributed to them and why, campaigns, reports."""
    scope = principal.scope
    found = nodes.people_by_id(port, ids=[person_id], scope=scope, contacts=principal.contacts_withheld is None)
    if not found:
        return None
    accounts = links.linked(port, "person_accounts", ids=[person_id], scope=scope)
    account_ids = sorted({row["id"] for row in accounts})
    campaign_ids = sorted({row["id"] for row in links.linked(port, "account_campaigns", ids=account_ids, scope=scope)})
    report_ids = [row["id"] for row in links.linked(port, "person_reports", ids=[person_id], scope=scope)]
    person = found[0]
    network_kind = "victim" if person.get("resolved_role") == "victim" else "person"
    return {"person": person, "accounts": accounts, "network_kind": network_kind,
            "campaigns": nodes.campaigns_by_id(port, ids=campaign_ids, scope=scope),
            "reports": nodes.reports_by_id(port, ids=report_ids, scope=scope),
            "shown": [person_id, *account_ids, *report_ids]}


def offenders_page(port: GraphPort, *, principal: Principal, after: str | None) -> dict[str, Any]:
    """Return one page of the ranked accounts the caller may see, with their standing and evidence."""
    scope = principal.scope
    page, next_cursor = _page(lists.repeat_offenders(port, scope=scope, after=decode_cursor(after, times=False),
                                                     limit=PAGE_SIZE + 1))
    found = {row["id"]: row for row in nodes.accounts_by_id(port, ids=[row["id"] for row in page], scope=scope)}
    accounts = [found[row["id"]] for row in page if row["id"] in found]
    return {"accounts": accounts, "next": next_cursor, "shown": list(found)}


def dashboard_page(port: GraphPort, *, principal: Principal) -> dict[str, Any]:
    """Return the trend series the caller may see and the duplicate rate (reports per case)."""
    series = workbench.trends(port, scope=principal.scope)
    cases = sum(row["value"] for row in series["case_sizes"])
    reports = sum(row["label"] * row["value"] for row in series["case_sizes"])
    return {"series": series, "cases": cases, "reports": reports,
            "rate": round(reports / cases, 2) if cases else None}
