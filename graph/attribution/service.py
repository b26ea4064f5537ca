"""`hub attribute`: accounts attributed to the people who control them, never merged, decisions respected.

A full run reads every account with its evidence, blocks candidate pairs, estimates the model by EM, links,
clusters and rewrites every `(:Person:Subject)-[:CONTROLS]->(:Account)`, then resolves repeat complainants and
victims (`graph.attribution.people`). An incremental run, or a decision, re-resolves only the accounts it can
move (the new or decided accounts, their candidates and the accounts of the subjects they sit with) with the
model stored by the last full run.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, replace

import numpy as np

from domain.linkage import FellegiSunter, link
from graph.attribution import people, store
from graph.attribution.accounts import Record, account_records
from graph.attribution.blocking import BlockingSummary, account_rules, multi_key_pairs
from graph.attribution.comparisons import CERTAIN, CONTRADICTIONS, FIXED, account_comparisons
from graph.attribution.rarity import with_alike_counts
from graph.attribution.resolve import Decisions, Group, resolve
from graph.attribution.training import Training, dump_model, load_model, train
from graph.port import GraphPort, Row, Tx

MODEL_ID = "attribution:accounts"
PREFIX = "subject:"
# A link needs one person to be more likely than not. The semi-supervised EM (`training.py`) makes the match
# probability calibrated (on generated data each common handle level's mean probability is within 0.1 of its
# share of true matches), so 0.5 is the decision that errs least when a false link and a missed one cost alike;
# raise it (`hub attribute --threshold`) where a false attribution costs more: the benchmark prints the trade-off.
THRESHOLD = 0.5
Progress = Callable[[str, int, int], None]  # progress(stage, done_now, stage_total)


@dataclass(frozen=True)
class AttributionSummary:
    """What a run found: accounts, subjects (and those with several accounts), pairs weighed, people resolved."""

    accounts: int
    subjects: int
    multi_account_subjects: int
    candidate_pairs: int
    links: int
    training: Training | None
    complainants: int = 0
    victims: int = 0


def _quiet(stage: str, done: int, total: int) -> None:
    return None


def attribute(port: GraphPort, *, batch_size: int = 500, threshold: float = THRESHOLD,
              progress: Progress = _quiet, with_people: bool = True) -> AttributionSummary:  # fmt: skip
    """Attribute every account afresh (model re-estimated), then resolve complainants and victims."""
    progress("reading accounts", 0, 1)
    records = account_records(store.account_rows(port))
    progress("reading accounts", 1, 1)
    blocking = BlockingSummary()
    pairs = multi_key_pairs(records, account_rules(), summary=blocking)
    records = with_alike_counts(records, pairs)
    decisions = store.decisions(port.read("attribution/active_decisions"))
    progress("estimating the model", 0, 1)
    model, training = train(records, pairs, account_comparisons(), fixed=FIXED, matches=CERTAIN,
                            non_matches=CONTRADICTIONS, known=_known(records, decisions), defaults="accounts")
    progress("estimating the model", 1, 1)
    groups, links = _groups(records, pairs, model, threshold, decisions, store.current_people(port, "subject"))
    rows = store.subject_rows(groups, *_as_given(records))
    progress("writing subjects", 0, len(rows))
    store.write_subjects_everywhere(port, [record["id"] for record in records], rows, batch_size=batch_size,
                                    progress=lambda done: progress("writing subjects", done, len(rows)))  # fmt: skip
    store.save_model(port, MODEL_ID, dump_model(model), records=len(records), pairs=len(pairs))
    summary = _summary(records, groups, len(pairs), links, training)
    if not with_people:
        return summary
    resolved = {role: people.resolve_role(port, role, batch_size=batch_size, progress=progress) for role in people.ROLES}
    return replace(summary, complainants=resolved["complainant"], victims=resolved["victim"])


def attribute_new(port: GraphPort, *, threshold: float = THRESHOLD, progress: Progress = _quiet) -> AttributionSummary:
    """Attribute only the accounts no subject controls yet, with the stored model (a full run if there is none)."""
    if store.load_model(port, MODEL_ID) is None:
        return attribute(port, threshold=threshold, progress=progress)
    new = [row["id"] for row in port.read("attribution/unattributed_accounts")]
    progress("attributing new accounts", 0, len(new))
    moved = reattribute(port, new, threshold=threshold) if new else []
    progress("attributing new accounts", len(new), len(new))
    return AttributionSummary(accounts=len(new), subjects=len({group.id for group in moved}),
                              multi_account_subjects=sum(len(group.members) > 1 for group in moved),
                              candidate_pairs=0, links=0, training=None)  # fmt: skip


def reattribute(port: GraphPort, accounts: Iterable[str], *, threshold: float = THRESHOLD) -> list[Group]:
    """Re-resolve the accounts a change to `accounts` can move, with the stored model; return their groups."""
    stored = store.load_model(port, MODEL_ID)
    if stored is None:
        return []
    model = load_model(account_comparisons(), stored, fixed=FIXED)
    records = account_records(store.account_rows(port))
    index = {record["id"]: number for number, record in enumerate(records)}
    seeds = {index[account] for account in accounts if account in index}
    pairs = multi_key_pairs(records, account_rules())
    records = with_alike_counts(records, pairs)
    touching = pairs[np.isin(pairs, list(seeds)).any(axis=1)] if len(pairs) else pairs
    candidates = sorted(seeds | set(touching.ravel().tolist()))

    def work(tx: Tx) -> list[Group]:
        near = tx.run("attribution/neighbourhood", accounts=[records[number]["id"] for number in candidates])
        area = sorted({index[account] for account in near[0]["accounts"] if account in index} | set(candidates))
        local = [records[number] for number in area]
        position = {number: place for place, number in enumerate(area)}
        inside = pairs[np.isin(pairs, area).all(axis=1)] if len(pairs) else pairs
        local_pairs = np.array([[position[a], position[b]] for a, b in inside.tolist()], dtype=np.int64).reshape(-1, 2)
        current = {row["record"]: row["person"] for row in tx.run("attribution/current_people", role="subject")}
        decisions = store.decisions(tx.run("attribution/active_decisions"))
        groups, _ = _groups(local, local_pairs, model, threshold, decisions, current)
        store.write_subjects_locally(tx, [record["id"] for record in local], store.subject_rows(groups, *_as_given(local)))
        return groups

    return port.write_unit(work)


def export_attributions(port: GraphPort) -> list[Row]:
    """Return every resolved subject with its accounts: {"person", "accounts": [{platform, handle, confidence}]}."""
    return port.read("attribution/export_attributions")


def subject_of(port: GraphPort, account: str) -> list[Row]:
    """Return the accounts of the subject controlling `account`, with confidence, method and evidence."""
    return port.read("attribution/subject_of_account", id=account)


def _groups(records: Sequence[Record], pairs: np.ndarray, model: FellegiSunter, threshold: float,
            decisions: Decisions, current: dict[str, str]) -> tuple[list[Group], int]:  # fmt: skip
    links = link(records, model, pairs=pairs, threshold_probability=0.0) if len(pairs) else []
    ids = [record["id"] for record in records]
    groups = resolve(ids, links, threshold=threshold, decisions=decisions, current=current, prefix=PREFIX,
                     contradictions=CONTRADICTIONS, exclusive=True)
    return groups, sum(item.probability >= threshold for item in links)


def _known(records: Sequence[Record], decisions: Decisions) -> dict[tuple[int, int], bool]:
    """Return the analysts' decisions as known pairs by record index: confirmed True, rejected False."""
    index = {record["id"]: number for number, record in enumerate(records)}
    known = {}
    for pairs, value in ((decisions.rejected, False), (decisions.confirmed, True)):
        for a, b in pairs:
            if a in index and b in index:
                known[(index[a], index[b])] = value
    return known


def _as_given(records: Sequence[Record]) -> tuple[dict, dict, dict]:
    """Return, by account id: the as-given subjects said to use it, the names given, and (report, name) ties."""
    resolves = {record["id"]: list(record["subjects"]) for record in records}
    names = {record["id"]: sorted(record["names"] or ()) for record in records}
    ties = {record["id"]: list(record["named"]) for record in records}
    return resolves, names, ties


def _summary(records: Sequence[Record], groups: Sequence[Group], pairs: int, links: int,
             training: Training | None) -> AttributionSummary:  # fmt: skip
    return AttributionSummary(accounts=len(records), subjects=len(groups),
                              multi_account_subjects=sum(len(group.members) > 1 for group in groups),
                              candidate_pairs=pairs, links=links, training=training)  # fmt: skip
