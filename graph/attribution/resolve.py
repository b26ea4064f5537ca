"""Records into resolved people: linked pairs clustered, analysts' decisions respected, ids kept stable. Pure.

The same code resolves accounts into the people who control them and reporter or victim records into repeat
complainants and victims. Decisions win over the model: a confirmed pair is linked for certain, a rejected pair
is never put in one group (even through third records), a split record stands alone. Pairs whose own evidence
says "different people" (match probability under `CANNOT_LINK_BELOW`) are never joined through others either,
so one loose link cannot chain two clear strangers together; nor are pairs whose evidence contradicts
(for accounts: alike handles with another number, `digits` `differ`). For accounts a record belongs to one
person at most, so groups it links to compete for it (`exclusive`): one it fits no better than another group
known to be someone else leaves it set aside as `ambiguous`.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field

from domain.linkage import Evidence, Link, clusters

CANNOT_LINK_BELOW = 0.01
COMPETING = 0.5  # a link this likely makes its group an alternative for the record (see `resolve`, exclusive)
ROUNDS = 10  # at most this many rounds of setting aside contested records (each round only adds to them)
CERTAIN_LEVELS = {("identifier", "shared"): "shared_identifier", ("handle", "same_account"): "same_account",
                  ("email", "exact"): "shared_identifier", ("phone", "exact"): "shared_identifier"}  # fmt: skip


@dataclass(frozen=True)
class Decisions:
    """Analysts' decisions in force, by record id: pairs confirmed, pairs rejected, records split out."""

    confirmed: tuple[tuple[str, str], ...] = ()
    rejected: tuple[tuple[str, str], ...] = ()
    split: frozenset[str] = frozenset()


@dataclass(frozen=True)
class Member:
    """One record's place in a group: how sure, by which method, and the evidence in plain words with weights."""

    record: str
    confidence: float
    method: str
    linked_to: str | None
    evidence: tuple[str, ...]


@dataclass(frozen=True)
class Group:
    """A resolved person: a stable id and the records it resolves."""

    id: str
    members: tuple[Member, ...] = field(default_factory=tuple)


def evidence_lines(evidence: Iterable[Evidence]) -> tuple[str, ...]:
    """Return each comparison's outcome that carried evidence as plain words with its weight."""
    return tuple(f"{item.explanation} ({item.weight:+.1f})" for item in evidence if item.level != "null")


def method_of(evidence: Iterable[Evidence]) -> str:
    """Return how a link was made: by certain evidence (which), else by the probabilistic model."""
    for item in evidence:
        certain = CERTAIN_LEVELS.get((item.comparison, item.level))
        if certain:
            return certain
    return "fellegi_sunter"


def resolve(
    ids: Sequence[str],
    links: Sequence[Link],
    *,
    threshold: float,
    decisions: Decisions = Decisions(),
    current: Mapping[str, str] | None = None,
    prefix: str,
    keep_singletons: bool = True,
    contradictions: frozenset[tuple[str, str]] = frozenset(),
    exclusive: bool = False,
) -> list[Group]:
    """Return the groups of records `ids` joined by `links` at or above `threshold`, decisions respected.

    `links` should include the weak ones too: those under CANNOT_LINK_BELOW become cannot-link pairs.
    `current` maps record id -> the id of the person it resolves into now, so that ids stay put.
    A pair reaching a `contradictions` level (comparison, level) is cannot-link too, whatever its probability.
    With `exclusive` a record belongs to one person at most, so the groups it links to (at COMPETING or above)
    are alternatives: its probability of belonging to its own group is that link's odds over one plus the odds
    of every alternative (the strongest link into each). A record whose share falls under `threshold` is set
    aside on its own, its evidence naming the alternatives, until an analyst decides (a confirmed link keeps it).
    """
    position = {record: index for index, record in enumerate(ids)}
    confirmed = [
        Link(position[a], position[b], 1.0, float("inf"), ())
        for a, b in decisions.confirmed
        if a in position and b in position and a not in decisions.split and b not in decisions.split
    ]
    isolated = {position[record] for record in decisions.split if record in position}
    usable = [item for item in links if item.probability >= threshold and not {item.i, item.j} & isolated]
    sure = {frozenset((item.i, item.j)) for item in confirmed}
    cannot = [(item.i, item.j) for item in links
              if (item.probability < CANNOT_LINK_BELOW or _contradicts(item, contradictions))
              and frozenset((item.i, item.j)) not in sure]  # fmt: skip
    cannot += [(position[a], position[b]) for a, b in decisions.rejected if a in position and b in position]
    groups = clusters(len(ids), confirmed + usable, cannot_link=cannot)
    contested: dict[int, tuple[str, ...]] = {}
    kept = {end for item in confirmed for end in (item.i, item.j)}
    for _ in range(ROUNDS if exclusive else 0):
        found = _contested(ids, links, groups, threshold, isolated | set(contested) | kept)
        if not found:
            break
        contested.update(found)
        usable = [item for item in usable if not {item.i, item.j} & set(contested)]
        groups = clusters(len(ids), confirmed + usable, cannot_link=cannot)
    best = _best_links(confirmed + usable, groups)
    resolved = []
    for group in groups:
        if len(group) == 1 and not keep_singletons:
            continue
        members = tuple(_ambiguous(ids, index, contested[index]) if index in contested
                        else _member(ids, index, best.get(index)) for index in group)  # fmt: skip
        resolved.append(Group(_name(ids, group, current or {}, prefix), members))
    return resolved


def _contested(ids: Sequence[str], links: Sequence[Link], groups: list[list[int]], threshold: float,
               skip: set[int]) -> dict[int, tuple[str, ...]]:  # fmt: skip
    """Return the records of multi-record groups whose share of their own group, among the groups they link to
    at COMPETING or above, is under `threshold`, each with the alternatives in words."""
    group_of = {index: number for number, group in enumerate(groups) for index in group}
    strongest: dict[tuple[int, int], Link] = {}
    for item in links:
        if item.probability < COMPETING or {item.i, item.j} & skip:
            continue
        for end, other in ((item.i, item.j), (item.j, item.i)):
            key = (end, group_of[other])
            if key not in strongest or item.probability > strongest[key].probability:
                strongest[key] = item
    options: dict[int, dict[int, Link]] = {}
    for (end, group), item in strongest.items():
        options.setdefault(end, {})[group] = item
    found = {}
    for end, choices in options.items():
        own = choices.get(group_of[end])
        if own is None or len(groups[group_of[end]]) < 2 or len(choices) < 2:
            continue
        total = 1.0 + sum(_odds(item.probability) for item in choices.values())
        if _odds(own.probability) / total < threshold:
            found[end] = tuple(f"{ids[item.j if item.i == end else item.i]} (match probability {item.probability:.3f})"
                               for item in sorted(choices.values(), key=lambda item: -item.probability))  # fmt: skip
    return found


def _odds(probability: float) -> float:
    return probability / max(1.0 - probability, 1e-12)


def _ambiguous(ids: Sequence[str], index: int, alternatives: tuple[str, ...]) -> Member:
    lines = ("fits accounts of different people: " + ", ".join(alternatives),
             "attributed to neither: an analyst can confirm one")  # fmt: skip
    return Member(ids[index], 1.0, "ambiguous", None, lines)


def _contradicts(item: Link, contradictions: frozenset[tuple[str, str]]) -> bool:
    return bool(contradictions) and any((e.comparison, e.level) in contradictions for e in item.evidence)


def _best_links(links: Sequence[Link], groups: list[list[int]]) -> dict[int, Link]:
    """Return, per record, its strongest link to another record of its own group."""
    group_of = {index: number for number, group in enumerate(groups) for index in group}
    best: dict[int, Link] = {}
    for item in links:
        if group_of[item.i] != group_of[item.j]:
            continue
        for end in (item.i, item.j):
            if end not in best or item.probability > best[end].probability:
                best[end] = item
    return best


def _member(ids: Sequence[str], index: int, link: Link | None) -> Member:
    if link is None:
        return Member(ids[index], 1.0, "single_record", None, ("the only record resolved into this person",))
    other = ids[link.j if link.i == index else link.i]
    if not link.evidence:
        return Member(ids[index], 1.0, "confirmed", other, (f"an analyst confirmed it is one person with {other}",))
    lines = (f"linked to {other} with match probability {link.probability:.3f}",) + evidence_lines(link.evidence)
    method = method_of(link.evidence)
    confidence = 1.0 if method != "fellegi_sunter" else round(link.probability, 4)
    return Member(ids[index], confidence, method, other, lines)


def _name(ids: Sequence[str], group: list[int], current: Mapping[str, str], prefix: str) -> str:
    """Keep an existing id whose anchor record is still in the group (smallest anchor first), else derive one."""
    members = sorted(ids[index] for index in group)
    inside = set(members)
    anchors = sorted(
        person[len(prefix) :]
        for person in {current[record] for record in members if record in current}
        if person.startswith(prefix) and person[len(prefix) :] in inside
    )
    return prefix + (anchors[0] if anchors else members[0])
