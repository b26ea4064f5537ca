"""An evidence package's content, assembled from plain rows of the graph: pure, no I/O.

The package is what a local force needs to take a case on (DOMAIN.md "Evidence"): an MG5-style case summary,
an MG12-style exhibit list (one exhibit per content item, numbered EX-001... in the order the hub first captured
them), the accounts and who is thought to be behind them and how sure, the timeline, the assessment with its rule
trace, the jurisdiction decision with its reasons and history, the complainants, victims and subjects as the
generating role may see them, and a continuity log. `assemble` returns the machine-readable document
(`package.json`) and one captured record per exhibit (`exhibits/EX-001.json`); domain/evidence_bundle.py hashes
and zips them.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from domain.package_chronology import continuity, plain, sortable_time as _when, timeline
from domain.results import read_stored_or_none

SCHEMA = "hub-evidence-package/1"
Row = Mapping[str, Any]


@dataclass(frozen=True)
class PackageInputs:
    """Everything a package is built from, as plain rows read within the generating caller's scope."""

    package_id: str
    version: int
    generated_at: datetime
    generated_by: str
    generated_role: str
    case: Row
    reports: Sequence[Row]
    items: Sequence[Row]
    people: Sequence[Row]
    accounts: Sequence[Row]
    earlier: Sequence[Row] = ()  # the case's earlier packages (rows of packages/packages)
    contacts_withheld: str | None = None  # why contact details are left out, or None when the role may see them
    evidence_withheld: str | None = None  # why attribution evidence in words is left out, or None
    guidance: Sequence[Row] = ()  # {key, title, body} of the advice matching the case, best first


@dataclass(frozen=True)
class Document:
    """A package's content: `package.json` as a dict, and each exhibit's file content by its path."""

    package: dict[str, Any]
    exhibit_files: dict[str, dict[str, Any]] = field(default_factory=dict)


def canonical_json(value: Any) -> bytes:
    """Return the canonical JSON bytes of a value (sorted keys, no spaces, UTF-8) that its SHA-256 is taken over."""
    return json.dumps(value, sort_keys=True, separators=(",", ":"), ensure_ascii=False).encode("utf-8")


def record_sha256(record: Any) -> str:
    """Return the SHA-256 (hex) of a record's canonical JSON: an exhibit's own hash."""
    return hashlib.sha256(canonical_json(record)).hexdigest()


def exhibit_number(index: int) -> str:
    """Return the MG12-style exhibit reference of the index-th exhibit (1-based): EX-001."""
    return f"EX-{index:03d}"


def _exhibits(inputs: PackageInputs) -> list[dict[str, Any]]:
    """One exhibit per content item, numbered in the order first captured, with every capture of it."""
    items = {row["key"]: row for row in inputs.items}
    captures: dict[str, list[dict[str, Any]]] = {}
    for report in inputs.reports:
        for capture in report.get("captures") or []:
            if capture and capture.get("key") in items:
                captures.setdefault(capture["key"], []).append({
                    "report": report["id"], "source": report.get("source"), "captured_at": report.get("received_at"),
                    "original_url": capture.get("original_url"), "text_as_copied": capture.get("text"),
                    "posted_at": capture.get("posted_at"), "kind_as_given": capture.get("kind"),
                    "audience_size": capture.get("audience_size"), "screenshot_sha256": capture.get("screenshot_sha256"),
                })
    order = sorted(captures, key=lambda key: (_when(captures[key][0]["captured_at"]), key))
    exhibits = []
    for index, key in enumerate(order, start=1):
        item, taken = items[key], captures[key]
        record = plain({
            "canonical_key": key, "canonical_url": item.get("canonical_url"), "platform": item.get("platform"),
            "kind": item.get("kind"), "posted_at": item.get("posted_at"), "author_account": item.get("author"),
            "first_captured_at": taken[0]["captured_at"],
            "original_urls": sorted({c["original_url"] for c in taken if c["original_url"]}),
            "screenshot_sha256": sorted({c["screenshot_sha256"] for c in taken if c["screenshot_sha256"]}),
            "captures": taken,
        })
        exhibits.append({"exhibit": exhibit_number(index), "record": record, "item": item})
    return exhibits


def _removal(item: Row) -> dict[str, Any] | None:
    if not item.get("removed_at"):
        return None
    return plain({"removed_at": item["removed_at"], "recorded_by": item.get("removed_recorded_by"),
                  "referral": item.get("removal_referral"), "note": item.get("removal_note")})


def _exhibit_list(exhibits: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """The MG12-style list: reference, description, URLs, capture time, hashes, and the item's state now."""
    listed = []
    for exhibit in exhibits:
        record, item = exhibit["record"], exhibit["item"]
        listed.append({
            "exhibit": exhibit["exhibit"], "file": f"exhibits/{exhibit['exhibit']}.json",
            "description": f"{record['kind'] or 'item'} on {record['platform'] or 'an unknown platform'}"
                           + (f" by {record['author_account']}" if record["author_account"] else ""),
            "canonical_key": record["canonical_key"], "canonical_url": record["canonical_url"],
            "original_urls": record["original_urls"], "captured_at": record["first_captured_at"],
            "text_as_copied": next((c["text_as_copied"] for c in record["captures"] if c["text_as_copied"]), None),
            "posted_at": record["posted_at"], "screenshot_sha256": record["screenshot_sha256"],
            "captured_by": sorted({c["source"] for c in record["captures"] if c["source"]}),
            "sha256": record_sha256(record), "removal": _removal(item),
            "referrals": plain(sorted(item.get("referrals") or [], key=lambda ref: str(ref.get("id")))),
        })
    return listed


def _contact(row: Row, withheld: str | None) -> tuple[dict[str, Any] | None, str | None]:
    if withheld:
        return None, withheld
    if row.get("anonymous"):
        return None, "the complainant asked to stay anonymous"
    return {"email": row.get("email"), "phone": row.get("phone"), "postcode": row.get("postcode")}, None


def _people(inputs: PackageInputs, assessment: Mapping[str, Any]) -> dict[str, Any]:
    """Complainants, victims and subjects, each once with the reports naming them, as the role may see them."""
    keep_subjects = assessment.get("classification") != "nchi" or bool(assessment.get("keep_subject_data", True))
    subject_reason = None if keep_subjects else (assessment.get("subject_notice") or
                                                 "NCHI code of practice: the subject's personal data is not kept")
    grouped: dict[tuple[str, str], dict[str, Any]] = {}
    for row in inputs.people:
        entry = grouped.get((row["role"], row["id"]))
        if entry is None:
            entry = grouped[(row["role"], row["id"])] = _person(row, inputs.contacts_withheld, subject_reason)
        entry["reports"].append(row["report"])
    sections: dict[str, list[dict[str, Any]]] = {"complainants": [], "victims": [], "subjects": []}
    for (role, _), entry in grouped.items():
        sections[{"complainant": "complainants", "victim": "victims", "subject": "subjects"}[role]].append(entry)
    return {**sections, "contacts_withheld": inputs.contacts_withheld, "subjects_withheld": subject_reason}


def _person(row: Row, contacts_withheld: str | None, subject_reason: str | None) -> dict[str, Any]:
    if row["role"] == "subject":
        if subject_reason:
            return {"person": row["id"], "withheld": subject_reason, "reports": []}
        return plain({"person": row["id"], "name": row.get("name"), "display_name": row.get("display_name"),
                      "known_to_victim": row.get("known_to_victim"), "reports": []})
    anonymous = row["role"] == "complainant" and bool(row.get("anonymous"))
    contact, withheld = _contact(row, contacts_withheld)
    entry = {"person": row["id"], "name": None if anonymous else row.get("name"),
             "organisation": row.get("organisation"), "contact": contact, "contact_withheld": withheld,
             "reports": []}
    if row["role"] == "complainant":
        entry.update(reporter_role=row.get("reporter_role"), anonymous=anonymous,
                     contact_consent=row.get("contact_consent"), preferred_contact=row.get("preferred_contact"))
    else:
        entry.update(same_as_reporter=bool(row.get("same_as_reporter")), vulnerable=row.get("vulnerable"),
                     under_18=row.get("under_18"), date_of_birth=plain(row.get("date_of_birth")))
    return entry


def _accounts(inputs: PackageInputs) -> list[dict[str, Any]]:
    """Each account named once, with every person it is attributed to, the confidence, method and evidence."""
    accounts: dict[str, dict[str, Any]] = {}
    for row in inputs.accounts:
        account = accounts.setdefault(row["id"], {
            "account": row["id"], "platform": row.get("platform"), "handle": row.get("handle"),
            "display_name": row.get("display_name"), "profile_url": row.get("profile_url"),
            "as_author": bool(row.get("as_author")), "as_suspect": bool(row.get("as_suspect")), "attributed_to": [],
        })
        if row.get("controller"):
            account["attributed_to"].append({
                "person": row["controller"], "name": row.get("controller_name"), "confidence": row.get("confidence"),
                "method": row.get("method"), "evidence": None if inputs.evidence_withheld else row.get("evidence"),
                "evidence_withheld": inputs.evidence_withheld,
            })
    return list(accounts.values())


def _summary(inputs: PackageInputs, assessment: Mapping[str, Any], exhibits: list[dict[str, Any]],
             people: Mapping[str, Any], accounts: list[dict[str, Any]]) -> dict[str, Any]:
    """The MG5-style case summary: the case in a page, for the force taking it on."""
    case = inputs.case
    offences = [f"{o['title']} ({o['statute']} {o['section']})" for o in assessment.get("offences", [])
                if o.get("complete")]
    return plain({
        "heading": f"Case summary (MG5 format): case {case['id']}",
        "case": case["id"], "status": case.get("status"),
        "owning_force": {"code": case.get("owning_force"), "name": case.get("owning_force_name")},
        "investigating_force": {"code": case.get("investigating_force"), "name": case.get("investigating_force_name")},
        "classification": case.get("classification"), "priority": case.get("priority"),
        "cps_category": case.get("cps_category"), "charge_by": case.get("charge_by"),
        "strands": sorted({strand for report in inputs.reports for strand in report.get("strands") or []}),
        "platforms": sorted({e["record"]["platform"] for e in exhibits if e["record"]["platform"]}),
        "offences_made_out": offences,
        "counts": {"reports": len(inputs.reports), "exhibits": len(exhibits), "accounts": len(accounts),
                   "complainants": len(people["complainants"]), "victims": len(people["victims"])},
        "circumstances": [f"{_day(report.get('received_at'))}: report {report['id']} ({report.get('source')}): "
                          f"{report.get('description') or 'no description given'}" for report in inputs.reports],
    })


def _day(value: Any) -> str:
    return value.strftime("%d/%m/%Y %H:%M") if isinstance(value, datetime) else str(value or "undated")


def _json(text: Any) -> Any:
    if not text:
        return None
    try:
        return json.loads(text)
    except (TypeError, ValueError):
        return None


def assemble(inputs: PackageInputs) -> Document:
    """Return the package's document (package.json) and its exhibits' files, from the rows of one case."""
    case = inputs.case
    assessment = read_stored_or_none(case.get("assessment_json")) or {}
    exhibits = _exhibits(inputs)
    people = _people(inputs, assessment)
    accounts = _accounts(inputs)
    package = {
        "schema": SCHEMA,
        "package": plain({"id": inputs.package_id, "case": case["id"], "version": inputs.version,
                          "generated_at": inputs.generated_at, "generated_by": inputs.generated_by,
                          "generated_role": inputs.generated_role,
                          "for_force": {"code": case.get("owning_force"), "name": case.get("owning_force_name")}}),
        "case_summary": _summary(inputs, assessment, exhibits, people, accounts),
        "exhibits": _exhibit_list(exhibits),
        "reports": plain([{key: report.get(key) for key in (
            "id", "source", "reference", "received_at", "description", "reporter_role", "anonymous", "strands",
            "content_hash", "occurred_from", "occurred_to", "ongoing")} for report in inputs.reports]),
        "accounts": plain(accounts),
        "timeline": timeline(inputs, exhibits),
        "assessment": assessment or None,
        "assessment_history": plain(sorted(case.get("assessments") or [], key=lambda v: _when(v.get("at")))),
        "jurisdiction": plain({
            "owning_force": case.get("owning_force"), "owning_force_name": case.get("owning_force_name"),
            "investigating_force": case.get("investigating_force"),
            "investigating_force_name": case.get("investigating_force_name"), "rule": case.get("jurisdiction_rule"),
            "investigating_rule": case.get("investigating_rule"), "tie_break_rule": case.get("tie_break_rule"),
            "explanation": case.get("jurisdiction_explanation"), "uncertain": case.get("jurisdiction_uncertain"),
            "inputs": _json(case.get("jurisdiction_inputs")),
            "unresolved_postcodes": list(case.get("unresolved_postcodes") or []),
            "series": {"id": case.get("series_id"), "lead_force": case.get("series_lead_force"),
                       "explanation": case.get("series_explanation")} if case.get("series_id") else None,
            "history": sorted(case.get("assignments") or [], key=lambda c: (_when(c.get("at")), c.get("id") or "")),
            "shares": sorted(case.get("shares") or [], key=lambda s: (_when(s.get("at")), s.get("force") or "")),
        }),
        "people": plain(people),
        "continuity": continuity(inputs, exhibits),
        "guidance": [{"key": g.get("key"), "title": g.get("title"), "body": g.get("body")} for g in inputs.guidance],
    }
    files = {f"exhibits/{e['exhibit']}.json": {"exhibit": e["exhibit"], "case": case["id"], "captured": e["record"],
                                               "sha256": record_sha256(e["record"])} for e in exhibits}
    return Document(package=package, exhibit_files=files)


def node_ids(document: Document) -> list[str]:
    """Return the ids of the graph nodes a package carries (case, reports, people, accounts, items), for the audit."""
    package = document.package
    people = package["people"]
    ids: Iterable[str] = [
        package["package"]["case"], *(r["id"] for r in package["reports"]),
        *(p["person"] for section in ("complainants", "victims", "subjects") for p in people[section]),
        *(a["account"] for a in package["accounts"]), *(e["canonical_key"] for e in package["exhibits"]),
    ]
    return sorted({i for i in ids if i})
