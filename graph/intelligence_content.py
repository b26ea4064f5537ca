"""The content of an intelligence report, shaped from the rows `cypher/intelligence/` reads, and its summary in words.

No I/O: graph/intelligence.py reads the rows and hands them here. The content keeps everything the report says
(victims' and complainants' details included, under `people`), so that an export allowed to carry them can;
every other view of it is sanitised (`sanitised_content`).
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, datetime
from typing import Any

from domain.nim import GradingEvidence
from domain.nim_sanitise import Sanitiser, protected_people
from graph.port import Row

MAX_QUOTED_REPORTS = 50
KINDS = ("person", "account", "campaign")


def plain(value: Any) -> Any:
    """Return a value JSON can hold: dates and times as ISO 8601 text, recursively."""
    if isinstance(value, (date, datetime)):
        return value.isoformat()
    if isinstance(value, dict):
        return {str(key): plain(item) for key, item in value.items()}
    if isinstance(value, (list, tuple)):
        return [plain(item) for item in value]
    return value


def _people(rows: Sequence[Row]) -> list[dict[str, Any]]:
    labelled = protected_people(rows)
    return [{"label": person.label, "role": row["role"], "names": list(person.names), "emails": list(person.emails),
             "phones": list(person.phones), "postcodes": list(person.postcodes),
             "dates_of_birth": list(person.dates_of_birth), "keys": list(person.keys)}
            for person, row in zip(labelled, rows)]


def evidence_of(kind: str, subject: Row, evidence: Row) -> GradingEvidence:
    """Return what the suggestion weighs: reports, independent reporters, hashes, confirmed or strong attribution."""
    confidences = [account["confidence"] for account in subject["accounts"] if account.get("confidence") is not None]
    return GradingEvidence(
        subject_kind=kind, reports=evidence["reports"], independent_reporters=evidence["reporters"],
        screenshot_hashes=evidence["hashes"], confirmed_attribution=bool(evidence["confirmed"]),
        attribution_confidence=min(confidences) if kind == "person" and confidences else None,
    )


def build_content(kind: str, subject: Row, reports: Sequence[Row], campaigns: Sequence[Row],
                  people: Sequence[Row], evidence: GradingEvidence) -> dict[str, Any]:
    """Return the report's content: subject, standing, accounts, cases, strands, platforms, campaigns, the time
    span, quoted reports (the latest fifty), the protected people and the evidence the suggestion weighed."""
    cases: dict[str, dict[str, Any]] = {}
    strands: set[str] = set()
    platforms = {account["platform"] for account in subject["accounts"] if account.get("platform")}
    for report in reports:
        strands.update(report["strands"])
        platforms.update(item["platform"] for item in report["items"] if item.get("platform"))
        if report["case"]:
            cases[report["case"]] = {"id": report["case"], "classification": report["classification"],
                                     "priority": report["priority"], "owning_force": report["owning_force"]}
    received = [report["received_at"] for report in reports if report["received_at"] is not None]
    quoted = [{"id": report["id"], "received_at": report["received_at"], "description": report["description"],
               "strands": report["strands"], "case": report["case"], "items": report["items"]}
              for report in reports[:MAX_QUOTED_REPORTS]]
    content = {
        "subject": {"kind": kind, "id": subject["id"], "names": subject["names"]},
        "standing": {"offender_score": subject["offender_score"], "offender_rank": subject["offender_rank"],
                     "offender_evidence": subject["offender_evidence"]},
        "accounts": subject["accounts"], "campaign": subject["campaign"], "campaigns": list(campaigns),
        "cases": sorted(cases.values(), key=lambda case: case["id"]), "strands": sorted(strands),
        "platforms": sorted(platforms), "first_seen": min(received) if received else None,
        "last_seen": max(received) if received else None, "reports_total": len(reports), "reports": quoted,
        "people": _people(people),
        "evidence": {"reports": evidence.reports, "independent_reporters": evidence.independent_reporters,
                     "screenshot_hashes": evidence.screenshot_hashes,
                     "confirmed_attribution": evidence.confirmed_attribution,
                     "attribution_confidence": evidence.attribution_confidence},
    }
    content = plain(content)
    content["summary"] = summary_of(content)
    return content


def _span(content: dict[str, Any]) -> str:
    if not content["first_seen"]:
        return "no report yet"
    first, last = content["first_seen"][:10], content["last_seen"][:10]
    return f"reported on {first}" if first == last else f"reported between {first} and {last}"


def summary_of(content: dict[str, Any]) -> str:
    """Return the report's summary in words, built from its content."""
    subject, accounts = content["subject"], content["accounts"]
    names = f" ({', '.join(subject['names'])})" if subject["names"] else ""
    lines = []
    if subject["kind"] == "person":
        listed = ", ".join(f"{account['id']} ({account['confidence']:.2f}, {(account['method'] or '').replace('_', ' ')})"
                           if account.get("confidence") is not None else account["id"] for account in accounts)
        lines.append(f"Subject {subject['id']}{names} controls {len(accounts)} account(s): {listed or 'none'}.")
    elif subject["kind"] == "account":
        controllers = accounts[0].get("controllers") or [] if accounts else []
        who = ", ".join(f"{c['id']} ({c['confidence']:.2f})" if c.get("confidence") is not None else c["id"]
                        for c in controllers)
        lines.append(f"Account {subject['id']}{names}: " + (f"attributed to {who}." if who else "not attributed."))
    else:
        campaign = content["campaign"] or {}
        lines.append(f"Campaign {subject['id']} ({(campaign.get('kind') or '').replace('_', ' ')}), "
                     f"{campaign.get('start') or '?'} to {campaign.get('end') or '?'}, strength "
                     f"{campaign.get('strength') or 0:.2f}: {len(accounts)} account(s) against "
                     f"{campaign.get('victim_count') or 0} victim(s).")
    lines.append(f"{content['reports_total']} report(s) in {len(content['cases'])} case(s), {_span(content)}; "
                 f"strands: {', '.join(content['strands']) or 'none given'}; "
                 f"platforms: {', '.join(content['platforms']) or 'none'}.")
    standing = content["standing"]
    if standing["offender_rank"] is not None:
        lines.append(f"Repeat-offender rank {standing['offender_rank']} (score {standing['offender_score']:.3f}).")
    if content["campaigns"]:
        lines.append(f"Took part in {len(content['campaigns'])} campaign(s): "
                     + ", ".join(campaign["id"] for campaign in content["campaigns"][:10]) + ".")
    return " ".join(lines)


def sanitised_content(content: dict[str, Any]) -> dict[str, Any]:
    """Return the content with every victim's and complainant's details replaced by their label everywhere, and
    the people themselves reduced to their labels and roles."""
    people = content.get("people") or []
    rest = {key: value for key, value in content.items() if key != "people"}
    sanitiser = Sanitiser(protected_people(people))
    clean = sanitiser.value(rest)
    clean["people"] = [{"label": person["label"], "role": person["role"]} for person in people]
    return clean
