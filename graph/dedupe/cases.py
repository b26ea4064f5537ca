"""Cases from duplicate links: online for new reports, or for the whole graph; both through one function."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass

from graph.dedupe.clustering import ClusterInput, assign_cases, case_id_for
from graph.port import GraphPort, Row, Tx, batched


@dataclass(frozen=True)
class Decisions:
    """The review decisions in force, in the form clustering takes them."""

    confirmed: list[tuple[str, str]]
    rejected: list[tuple[str, str]]
    isolated: list[str]

    @classmethod
    def from_rows(cls, rows: Iterable[Row]) -> "Decisions":
        """Sort decision rows (kind, reports) into confirmed pairs, rejected pairs and split reports."""
        confirmed, rejected, isolated = [], [], []
        for row in rows:
            reports = row["reports"]
            if row["kind"] == "confirm" and len(reports) == 2:
                confirmed.append((reports[0], reports[1]))
            elif row["kind"] == "reject" and len(reports) == 2:
                rejected.append((reports[0], reports[1]))
            elif row["kind"] == "split":
                isolated.extend(reports)
        return cls(confirmed, rejected, isolated)


def place_new_reports(tx: Tx, ids: list[str]) -> dict[str, str]:
    """Online, for reports just written: join, open or merge cases inside `tx`; return their cases.

    Most new reports link to at most one existing case and no review decision is in play: they join it
    (or open one, named after their earliest report) directly. The rest (merges of cases, decisions) go
    through the full neighbourhood clustering, which gives what the batch path would.
    """
    rows = tx.run("dedupe/linked_cases", ids=ids)
    arrival = {row["report"]: (row["arrival"], row["report"]) for row in rows}
    parent: dict[str, str] = {report: report for report in arrival}

    def find(node: str) -> str:
        while parent[node] != node:
            parent[node] = parent[parent[node]]
            node = parent[node]
        return node

    def union(a: str, b: str) -> None:
        parent.setdefault(a, a)
        parent.setdefault(b, b)
        parent[find(a)] = find(b)

    decided: set[str] = set()
    for row in rows:
        for link in row["links"]:
            target = link["other"] if link["other"] in arrival else f"case\0{link['case']}"
            union(row["report"], target)
            if link["decided"]:
                decided.add(row["report"])
    components: dict[str, list[str]] = {}
    for node in parent:
        components.setdefault(find(node), []).append(node)

    placed: dict[str, str] = {}
    complex_reports: list[str] = []
    for members in components.values():
        reports = [node for node in members if node in arrival]
        cases_found = [node.split("\0", 1)[1] for node in members if node.startswith("case\0")]
        if not reports:
            continue
        if len(cases_found) > 1 or decided.intersection(reports):
            complex_reports.extend(reports)
            continue
        case = cases_found[0] if cases_found else case_id_for(min(reports, key=arrival.__getitem__))
        placed.update({report: case for report in reports})
    if placed:
        tx.run("dedupe/write_cases", rows=[{"report": report, "case": case} for report, case in placed.items()])
    if complex_reports:
        placed.update(cluster_reports(tx, complex_reports))
    return placed


def cluster_reports(tx: Tx, ids: list[str]) -> dict[str, str]:
    """Online: put the reports `ids` into cases (joining, opening or merging), inside `tx`; return their cases."""
    rows = tx.run("dedupe/neighbourhood", ids=ids)
    involved = [row["id"] for row in rows]
    decisions = Decisions.from_rows(tx.run("dedupe/active_decisions", ids=involved))
    current = {row["id"]: row["case"] for row in rows if row["case"]}
    within = set(involved)
    links: dict[str, list[str]] = {row["id"]: [other for other in row["links"] if other in within] for row in rows}
    _add_confirmed(links, decisions.confirmed, within)
    assignment = assign_cases(
        ClusterInput(order=involved, links=links, cannot_link=decisions.rejected, isolated=decisions.isolated, current_case=current)
    )
    changed, abandoned = _changes(assignment, current)
    if changed:
        tx.run("dedupe/write_cases", rows=changed)
    if abandoned:
        tx.run("dedupe/drop_empty_cases", cases=abandoned)
    return {report: assignment[report] for report in ids}


def recluster_all(port: GraphPort, *, batch_size: int = 5000, progress: Callable[[int], None] = lambda n: None) -> int:
    """Batch: recompute every case from every link and decision; return the number of cases."""
    order_rows = port.read("dedupe/report_order")
    order = [row["id"] for row in order_rows]
    current = {row["id"]: row["case"] for row in order_rows if row["case"]}
    del order_rows
    links: dict[str, list[str]] = {}
    for row in port.read("dedupe/link_projection"):
        links.setdefault(row["a"], []).append(row["b"])
        links.setdefault(row["b"], []).append(row["a"])
    decisions = Decisions.from_rows(port.read("dedupe/active_decisions", ids=None))
    _add_confirmed(links, decisions.confirmed, None)
    assignment = assign_cases(
        ClusterInput(order=order, links=links, cannot_link=decisions.rejected, isolated=decisions.isolated, current_case=current)
    )
    changed, abandoned = _changes(assignment, current)
    for batch in batched(changed, batch_size):
        port.write("dedupe/write_cases", rows=batch)
        progress(len(batch))
    for batch in batched(abandoned, batch_size):
        port.write("dedupe/drop_empty_cases", cases=batch)
    return len(set(assignment.values()))


def _add_confirmed(links: dict[str, list[str]], confirmed: list[tuple[str, str]], within: set[str] | None) -> None:
    for first, second in confirmed:
        if within is None or (first in within and second in within):
            links.setdefault(first, []).append(second)
            links.setdefault(second, []).append(first)


def _changes(assignment: dict[str, str], current: dict[str, str]) -> tuple[list[Row], list[str]]:
    """Return the (report, case) rows that changed, and the cases no report is left in."""
    changed = [{"report": report, "case": case} for report, case in assignment.items() if current.get(report) != case]
    abandoned = sorted(set(current.values()) - set(assignment.values()))
    return changed, abandoned


def export_cases(port: GraphPort) -> list[Row]:
    """Return every case with its reports, for `hub export cases`."""
    return port.read("dedupe/export_cases")
