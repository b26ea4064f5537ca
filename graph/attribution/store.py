"""What attribution reads from and writes to Neo4j: every query by name, rows in, rows out."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from typing import Any

from graph.attribution.resolve import Decisions, Group
from graph.port import GraphPort, Row, Tx, batched

ROLES = ("subject", "complainant", "victim")
RECORD_QUERIES = {"complainant": "attribution/reporter_records", "victim": "attribution/victim_records"}


def account_rows(port: GraphPort, accounts: Sequence[str] | None = None) -> list[Row]:
    """Return the attribution projection of the given accounts (all of them when None), sorted by id."""
    return port.read("attribution/account_evidence", ids=None if accounts is None else list(accounts))


def person_rows(port: GraphPort, role: str) -> list[Row]:
    """Return the as-given person records of one role (complainant or victim) to resolve."""
    return port.read(RECORD_QUERIES[_checked(role)])


def decisions(rows: Iterable[Row]) -> Decisions:
    """Return the attribution decisions in force from the rows of `attribution/active_decisions`."""
    confirmed, rejected, split = [], [], set()
    for row in rows:
        accounts = sorted(row["accounts"])
        if row["kind"] == "confirm" and len(accounts) == 2:
            confirmed.append((accounts[0], accounts[1]))
        elif row["kind"] == "reject" and len(accounts) == 2:
            rejected.append((accounts[0], accounts[1]))
        elif row["kind"] == "split":
            split.update(accounts)
    return Decisions(tuple(confirmed), tuple(rejected), frozenset(split))


def current_people(port: GraphPort, role: str) -> dict[str, str]:
    """Return record id -> the id of the resolved person of this role it resolves into now."""
    return {row["record"]: row["person"] for row in port.read("attribution/current_people", role=_checked(role))}


def subject_rows(groups: Sequence[Group], resolves: dict[str, list[str]], names: dict[str, list[str]],
                 ties: dict[str, list[tuple[str, str]]]) -> list[Row]:  # fmt: skip
    """Return the write rows of resolved subjects: members, the as-given persons they resolve, names given.

    A report that names a person as the user of an account ties them for certain: each such tie is listed in
    the account's evidence, and an account attributed on its own is then `named_in_report`.
    """
    rows = []
    for group in groups:
        accounts = [member.record for member in group.members]
        rows.append({
            "id": group.id,
            "members": [_member_row(member, ties.get(member.record, ())) for member in group.members],
            "resolves": sorted({person for account in accounts for person in resolves.get(account, ())}),
            "names": sorted({name for account in accounts for name in names.get(account, ())}),
        })  # fmt: skip
    return rows


def people_rows(groups: Sequence[Group], names: dict[str, str | None], reports: dict[str, list[str]]) -> list[Row]:
    """Return the write rows of resolved complainants or victims."""
    return [
        {
            "id": group.id,
            "members": [_member_row(member) for member in group.members],
            "names": sorted({names[member.record] for member in group.members if names.get(member.record)}),
            "report_count": len({report for member in group.members for report in reports.get(member.record, ())}),
        }
        for group in groups
    ]


def write_subjects_everywhere(port: GraphPort, accounts: Sequence[str], rows: Sequence[Row], *, batch_size: int,
                              progress: Callable[[int], None] = lambda done: None) -> None:  # fmt: skip
    """Replace the attribution of all these accounts by `rows` (a full run: clear all first, then write)."""
    for batch in batched(accounts, batch_size * 4):
        port.write("attribution/clear_controls", accounts=batch)
    for batch in batched(rows, batch_size):
        port.write("attribution/write_subjects", rows=batch)
        progress(len(batch))
    port.write("attribution/drop_stale_subjects")


def write_subjects_locally(tx: Tx, accounts: Sequence[str], rows: Sequence[Row]) -> None:
    """Replace the attribution of a few accounts inside one transaction (decisions, incremental runs)."""
    tx.run("attribution/clear_controls", accounts=list(accounts))
    if rows:
        tx.run("attribution/write_subjects", rows=list(rows))
    tx.run("attribution/drop_stale_subjects")


def write_people(port: GraphPort, role: str, rows: Sequence[Row], *, batch_size: int) -> None:
    """Replace every resolved person of one role by `rows`, dropping those that resolve nobody any more."""
    port.write("attribution/clear_people", role=_checked(role))
    for batch in batched(rows, batch_size):
        port.write("attribution/write_people", role=role, rows=batch)
    port.write("attribution/drop_stale_people", role=role)


def save_model(port: GraphPort, model_id: str, parameters: str, *, records: int, pairs: int) -> None:
    """Store a trained model's parameters for incremental runs."""
    port.write("attribution/save_model", id=model_id, parameters=parameters, records=records, pairs=pairs)


def load_model(port: GraphPort, model_id: str) -> str | None:
    """Return the stored parameters of a model, or None if none was trained yet."""
    rows = port.read("attribution/load_model", id=model_id)
    return rows[0]["parameters"] if rows else None


def _member_row(member: Any, ties: Iterable[tuple[str, str]] = ()) -> Row:
    lines = [f"report {report} names {name} as the user of this account (certain: the report ties them)"
             for report, name in ties]  # fmt: skip
    method = "named_in_report" if lines and member.method == "single_record" else member.method
    evidence = list(member.evidence) if member.method != "single_record" or not lines else []
    return {"record": member.record, "confidence": member.confidence, "method": method,
            "linked_to": member.linked_to, "evidence": evidence + lines}  # fmt: skip


def _checked(role: str) -> str:
    if role not in ROLES:
        raise ValueError(f"role must be one of {', '.join(ROLES)}, not {role!r}")
    return role
