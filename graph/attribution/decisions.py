"""Analysts' attribution decisions: confirm, reject or split accounts, undo; recorded and respected by reruns.

`confirm` (two accounts are one person: linked for certain), `reject` (never one person, not even through other
accounts), `split` (the account stands alone until the split is undone). Each is a
`(:AttributionDecision {id, kind, by, at, reason, active})-[:ABOUT]->(:Account)`; undoing keeps the record. The
accounts a decision can move are re-attributed at once with the stored model; every later run respects it.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass

from graph.attribution.service import THRESHOLD, reattribute
from graph.port import GraphError, GraphPort, Row

KINDS = ("confirm", "reject", "split")


class DecisionError(GraphError):
    """The decision cannot be recorded; the message says why."""


@dataclass(frozen=True)
class DecisionResult:
    """A recorded (or undone) decision and the subjects its accounts are attributed to afterwards."""

    decision: str
    subjects: dict[str, str]


def decide(port: GraphPort, *, kind: str, accounts: list[str], by: str, reason: str,
           threshold: float = THRESHOLD) -> DecisionResult:  # fmt: skip
    """Record a decision about one account (split) or two (confirm, reject) and re-attribute what it moves."""
    if kind not in KINDS:
        raise DecisionError(f"kind must be one of {', '.join(KINDS)}, not {kind!r}")
    expected = 1 if kind == "split" else 2
    if len(accounts) != expected or len(set(accounts)) != expected:
        raise DecisionError(f"a {kind} decision is about {expected} different account(s), got {accounts}")
    if not by.strip() or not reason.strip():
        raise DecisionError("a decision needs who made it (--by) and why (--reason)")
    recorded = port.write("attribution/record_decision", id=f"attribution-decision:{uuid.uuid4()}", kind=kind,
                          accounts=accounts, by=by, reason=reason)  # fmt: skip
    if not recorded:
        raise DecisionError(f"no such account among {accounts}: accounts are written platform:handle, e.g. x:dan_k1990")
    return DecisionResult(recorded[0]["id"], _reattributed(port, accounts, threshold))


def undo(port: GraphPort, *, decision: str, by: str, reason: str, threshold: float = THRESHOLD) -> DecisionResult:
    """Undo a decision in force (it stays on record as undone) and re-attribute the accounts it was about."""
    if not by.strip() or not reason.strip():
        raise DecisionError("undoing a decision needs who did it (--by) and why (--reason)")
    undone = port.write("attribution/undo_decision", id=decision, by=by, reason=reason)
    if not undone:
        raise DecisionError(f"no attribution decision {decision!r} in force")
    return DecisionResult(decision, _reattributed(port, undone[0]["accounts"], threshold))


def history(port: GraphPort, account: str) -> list[Row]:
    """Return every decision about an account, in force or undone, oldest first."""
    return port.read("attribution/decisions_about", id=account)


def _reattributed(port: GraphPort, accounts: list[str], threshold: float) -> dict[str, str]:
    groups = reattribute(port, accounts, threshold=threshold)
    subject_of = {member.record: group.id for group in groups for member in group.members}
    return {account: subject_of[account] for account in accounts if account in subject_of}
