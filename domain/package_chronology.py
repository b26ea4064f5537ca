"""An evidence package's timeline and continuity log, and the plain JSON values a package is made of: pure.

The timeline says what happened to the case (posts, reports, assessments, changes of owner, shares, referrals,
removals, earlier packages); the continuity log says who collected, held or passed on each piece of evidence and
when (DOMAIN.md "Evidence"), so that a third party can follow the chain.
"""

from __future__ import annotations

import hashlib
from collections.abc import Mapping
from datetime import date, datetime, time, timezone
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from domain.evidence_package import PackageInputs

_EPOCH = datetime(1970, 1, 1, tzinfo=timezone.utc)


def plain(value: Any) -> Any:
    """Return the value with datetimes and dates as ISO 8601 text, recursively, ready for JSON."""
    if isinstance(value, datetime):
        return value.isoformat()
    if isinstance(value, (date, time)):
        return value.isoformat()
    if isinstance(value, Mapping):
        return {str(key): plain(item) for key, item in value.items()}
    if isinstance(value, (list, tuple)):
        return [plain(item) for item in value]
    if isinstance(value, (bytes, bytearray)):
        return hashlib.sha256(bytes(value)).hexdigest()
    return value


def sortable_time(value: Any) -> datetime:
    """A sortable, zone-aware time for a datetime, date or ISO text (missing times sort first)."""
    if isinstance(value, str):
        try:
            value = datetime.fromisoformat(value)
        except ValueError:
            return _EPOCH
    if isinstance(value, datetime):
        return value if value.tzinfo else value.replace(tzinfo=timezone.utc)
    if isinstance(value, date):
        return datetime.combine(value, time(), tzinfo=timezone.utc)
    return _EPOCH


def _event(at: Any, happened: str, **more: Any) -> dict[str, Any]:
    return {"at": at, "event": happened, **more}


def timeline(inputs: PackageInputs, exhibits: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """What happened, oldest first: posts, reports, assessments, assignments, shares, referrals, removals, packages."""
    events = []
    for exhibit in exhibits:
        record, item = exhibit["record"], exhibit["item"]
        if record["posted_at"]:
            events.append(_event(item.get("posted_at"), f"{exhibit['exhibit']} posted on {record['platform']}",
                                 ref=exhibit["exhibit"]))
        if item.get("removed_at"):
            events.append(_event(item["removed_at"], f"{exhibit['exhibit']} removal recorded by "
                                 f"{item.get('removed_recorded_by') or 'unknown'}", ref=exhibit["exhibit"]))
        for referral in item.get("referrals") or []:
            for moment, word in (("sent_at", "sent"), ("acknowledged_at", "acknowledged"), ("closed_at", "closed")):
                if referral.get(moment):
                    events.append(_event(referral[moment], f"referral {referral['id']} to {referral.get('platform')} "
                                         f"{word} ({exhibit['exhibit']})", ref=referral["id"]))
    for report in inputs.reports:
        events.append(_event(report.get("received_at"), f"report {report['id']} received from {report.get('source')}",
                             ref=report["id"]))
    case = inputs.case
    for version in case.get("assessments") or []:
        events.append(_event(version.get("at"), f"assessed ({version.get('trigger')}): {version.get('changes')}",
                             ref=version.get("id")))
    for change in case.get("assignments") or []:
        events.append(_event(change.get("at"), f"owning force {change.get('from') or 'none'} -> {change.get('to')} "
                             f"({change.get('kind')}, by {change.get('by')}): {change.get('reason')}",
                             ref=change.get("id")))
    for share in case.get("shares") or []:
        events.append(_event(share.get("at"), f"shared with {share.get('name') or share.get('force')} by "
                             f"{share.get('by')}: {share.get('reason')}", ref=share.get("force")))
    for earlier in inputs.earlier:
        events.append(_event(earlier.get("generated_at"), f"evidence package version {earlier['version']} generated "
                             f"by {earlier.get('generated_by')}", ref=earlier["id"]))
    unique = {(str(e["at"]), e["event"]): e for e in events}.values()  # a referral listing two items counts once
    return plain(sorted(unique, key=lambda e: (sortable_time(e["at"]), e["event"])))


def continuity(inputs: PackageInputs, exhibits: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Who captured, held or passed on each piece of evidence, and when: the chain a court can follow."""
    by_report: dict[str, list[str]] = {}
    for exhibit in exhibits:
        for capture in exhibit["record"]["captures"]:
            by_report.setdefault(capture["report"], []).append(exhibit["exhibit"])
    log = []
    for report in inputs.reports:
        captured = sorted(set(by_report.get(report["id"], [])))
        log.append(_event(report.get("received_at"), "collected", by=report.get("source"), what=report["id"],
                          detail=f"report received by the hub; record as received SHA-256 {report.get('content_hash')}"
                                 + (f"; captured {', '.join(captured)}" if captured else "")))
    for exhibit in exhibits:
        item = exhibit["item"]
        if item.get("removed_at"):
            log.append(_event(item["removed_at"], "removal recorded", by=item.get("removed_recorded_by"),
                              what=exhibit["exhibit"], detail=item.get("removal_note") or ""))
    for earlier in inputs.earlier:
        log.append(_event(earlier.get("generated_at"), "package generated", by=earlier.get("generated_by"),
                          what=earlier["id"], detail=f"version {earlier['version']}, SHA-256 {earlier.get('sha256')}"))
        for at, who, what in zip(earlier.get("downloaded_at") or [], earlier.get("downloaded_by") or [],
                                 earlier.get("downloaded_files") or []):
            log.append(_event(at, "package downloaded", by=who, what=earlier["id"], detail=what))
    log.append(_event(inputs.generated_at, "package generated", by=inputs.generated_by, what=inputs.package_id,
                      detail=f"version {inputs.version} (this package), by the {inputs.generated_role} role"))
    return plain(sorted(log, key=lambda e: sortable_time(e["at"])))
