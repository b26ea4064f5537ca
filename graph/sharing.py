"""Sharing a case with another force, and withdrawing the share; every share is kept on record.

A share is `(:Case)-[:SHARED_WITH {id, by, at, reason}]->(:Force)`: while it exists the force's officers see
the case as if they owned it. Sharing twice changes nothing. Each share is also a
`(:Case)-[:HAD_SHARE]->(:CaseShare)` record, which stays, marked with who withdrew it, when and why, after the
SHARED_WITH is removed: the read side needs only the relationship, the history needs only the records.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import datetime

from graph.port import GraphError, GraphPort, Row, Tx


class SharingError(GraphError):
    """A share cannot be made or withdrawn; the message names the case or force and why."""


@dataclass(frozen=True)
class Share:
    """A share of a case with a force: its id, who made it and when, and whether this call created it."""

    id: str
    case_id: str
    force: str
    by: str
    at: datetime
    new: bool


def share(port: GraphPort, case_id: str, force: str, *, by: str, reason: str) -> Share:
    """Share a case with a force (a share already in force is returned unchanged, `new` False)."""
    code = _checked(force, by, reason, doing="sharing a case")

    def work(tx: Tx) -> Share:
        rows = tx.run("access/share_case", case=case_id, force=code, id=f"share:{uuid.uuid4()}", by=by, reason=reason)
        if not rows:
            raise SharingError(_missing(tx, case_id, code))
        row = rows[0]
        return Share(row["id"], case_id, code, row["by"], row["at"], row["new"])

    return port.write_unit(work)


def unshare(port: GraphPort, case_id: str, force: str, *, by: str, reason: str) -> Share:
    """Withdraw a case's share with a force; its record stays, marked withdrawn. Return the share withdrawn."""
    code = _checked(force, by, reason, doing="withdrawing a share")

    def work(tx: Tx) -> Share:
        rows = tx.run("access/unshare_case", case=case_id, force=code, id=f"share:{uuid.uuid4()}", by=by,
                      reason=reason)
        if not rows:
            missing = _missing(tx, case_id, code)
            raise SharingError(missing or f"case {case_id!r} is not shared with force {code}")
        row = rows[0]
        return Share(row["id"], case_id, code, row["by"], row["at"], new=False)

    return port.write_unit(work)


def history(port: GraphPort, case_id: str) -> list[Row]:
    """Return every share of the case, in force (`active`) or withdrawn, oldest first."""
    return [row["share"] for row in port.read("access/case_shares", case=case_id)]


def _checked(force: str, by: str, reason: str, *, doing: str) -> str:
    if not by.strip() or not reason.strip():
        raise SharingError(f"{doing} needs who does it and why")
    code = force.strip().upper()
    if not code:
        raise SharingError(f"{doing} needs the force's code (e.g. E23000005)")
    return code


def _missing(tx: Tx, case_id: str, force: str) -> str:
    """Return which of the case and the force does not exist, in words ('' when both do)."""
    found = tx.run("access/case_and_force_exist", case=case_id, force=force)[0]
    if not found["case_found"]:
        return f"no case {case_id!r}"
    if not found["force_found"]:
        return f"{force!r} is not a police force area code (see reference/police_force_areas.csv)"
    return ""
