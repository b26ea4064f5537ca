"""Reports into cases: connected components of duplicate links, with analysts' decisions respected. Pure.

The same function serves the online path (a new report joins or opens a case inside the intake
transaction) and the batch path (`hub dedupe`), so both give the same cases. Reports are taken in order of
arrival; each joins the cases of the earlier reports it is linked to, unless a decision forbids it:
- a rejected pair (cannot-link) is never put in one case, even through third reports;
- a report split out of its case is linked to nothing until the split is undone.
A case keeps the id of its earliest report's case, so ids are stable as cases grow and merge.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field


def case_id_for(report_id: str) -> str:
    """Return the id of a case opened by `report_id` (its first report)."""
    return f"case:{report_id}"


@dataclass
class _Cluster:
    case_id: str
    members: set[str] = field(default_factory=set)
    forbidden: set[str] = field(default_factory=set)  # reports this cluster may never hold


@dataclass(frozen=True)
class ClusterInput:
    """Everything clustering needs, read from the graph or built by the online path."""

    order: list[str]  # report ids, in order of arrival (received_at, then id)
    links: Mapping[str, Iterable[str]]  # report id -> linked report ids (either direction)
    cannot_link: Iterable[tuple[str, str]] = ()
    isolated: Iterable[str] = ()  # reports split out of their case
    current_case: Mapping[str, str] = field(default_factory=dict)  # report id -> its case id now


def assign_cases(data: ClusterInput) -> dict[str, str]:
    """Return report id -> case id for every report in `data.order`."""
    forbidden_pairs: dict[str, set[str]] = {}
    for first, second in data.cannot_link:
        forbidden_pairs.setdefault(first, set()).add(second)
        forbidden_pairs.setdefault(second, set()).add(first)
    isolated = set(data.isolated)
    position = {report: index for index, report in enumerate(data.order)}
    cluster_of: dict[str, _Cluster] = {}

    for report in data.order:
        cluster = _Cluster(case_id="", members={report}, forbidden=set(forbidden_pairs.get(report, ())))
        earlier = [] if report in isolated else [
            other for other in data.links.get(report, ())
            if other in cluster_of and other not in isolated and position[other] < position[report]
        ]
        # Join the oldest cases first, so that a conflict keeps the report with its earliest incident.
        for other in sorted(earlier, key=lambda item: _anchor_position(cluster_of[item], position)):
            target = cluster_of[other]
            if target is cluster or target.forbidden & cluster.members or cluster.forbidden & target.members:
                continue
            cluster = _merge(target, cluster, cluster_of)
        cluster_of[report] = cluster
        for member in cluster.members:
            cluster_of[member] = cluster

    return _name_cases(data, cluster_of, position)


def _anchor_position(cluster: _Cluster, position: Mapping[str, int]) -> int:
    return min(position[member] for member in cluster.members)


def _merge(older: _Cluster, newer: _Cluster, cluster_of: dict[str, _Cluster]) -> _Cluster:
    older.members |= newer.members
    older.forbidden |= newer.forbidden
    for member in newer.members:
        cluster_of[member] = older
    return older


def _name_cases(data: ClusterInput, cluster_of: dict[str, _Cluster], position: Mapping[str, int]) -> dict[str, str]:
    """Name each cluster after the existing case of its earliest report that had one, else its earliest report."""
    taken: set[str] = set()
    names: dict[int, str] = {}
    clusters = {id(cluster): cluster for cluster in cluster_of.values()}
    for cluster in sorted(clusters.values(), key=lambda c: _anchor_position(c, position)):
        ordered = sorted(cluster.members, key=position.__getitem__)
        candidates = [data.current_case[m] for m in ordered if m in data.current_case]
        candidates.append(case_id_for(ordered[0]))
        name = next((candidate for candidate in candidates if candidate not in taken), None)
        if name is None:  # every existing name is held by an older cluster: a split-off part
            name = case_id_for(ordered[0])
            suffix = 1
            while name in taken:
                suffix += 1
                name = f"{case_id_for(ordered[0])}~{suffix}"
        taken.add(name)
        names[id(cluster)] = name
    return {report: names[id(cluster_of[report])] for report in data.order}
