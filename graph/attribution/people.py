"""Repeat complainants and repeat victims: one person's records across reports, typos and all, per role.

Each role is resolved on its own records only (reporters for complainants, victims for repeat victims; never
subjects), so roles are never merged: a person who reports and is also targeted has a Complainant and a
RepeatVictim node, each resolving its own records. Anonymous reporters and organisations are never resolved.
Records are compared on name (Jaro-Winkler), e-mail (exact, same local part, alike), phone, postcode (full,
district, area) and date of birth, with m, u and the prior estimated by EM over the candidate pairs. Only people
seen in two or more reports are written.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any

from rapidfuzz.distance import DamerauLevenshtein, Levenshtein

from domain.linkage import (
    Comparison,
    Level,
    date_of_birth_comparison,
    exact_match,
    link,
    postcode_comparison,
    string_similarity,
)
from domain.linkage.normalise import email_parts, postcode_parts
from graph.attribution import store
from graph.attribution.blocking import KeyRule, multi_key_pairs
from graph.attribution.resolve import Decisions, resolve
from graph.attribution.training import train
from graph.port import GraphPort, Row

ROLES = ("complainant", "victim")
PREFIXES = {"complainant": "complainant:", "victim": "victim:"}
THRESHOLD = 0.9
Record = dict[str, Any]


def person_record(row: Mapping[str, Any]) -> Record:
    """Return the comparable record of one as-given reporter or victim (a row of the *_records queries)."""
    words = (row.get("name_key") or "").split()
    emails, phones = sorted(row.get("emails") or ()), sorted(row.get("phones") or ())
    postcode = postcode_parts(row.get("postcode"))
    return {
        "id": row["id"],
        "name": row.get("name"),
        "name_key": row.get("name_key"),
        "first_name": words[0] if words else None,
        "last_name": words[-1] if len(words) > 1 else None,
        "email": emails[0] if emails else None,
        "phone": phones[0] if phones else None,
        "postcode": row.get("postcode"),
        "district": postcode[1] if postcode else None,
        "area": postcode[2] if postcode else None,
        "date_of_birth": row.get("date_of_birth"),
        "reports": tuple(row.get("reports") or ()),
    }


def _email_typo(a: tuple[str, str], b: tuple[str, str]) -> bool:
    """Return whether two e-mails differ by a slip: a dot or two letters swapped in one part, the other the same."""
    (local_a, domain_a), (local_b, domain_b) = a, b
    if domain_a == domain_b:
        return local_a.replace(".", "") == local_b.replace(".", "") or DamerauLevenshtein.distance(local_a, local_b) <= 1
    return local_a == local_b and Levenshtein.distance(domain_a, domain_b) <= 2


def email_typo_comparison() -> Comparison:
    """Return exact / typo / else levels over e-mail addresses (a retyped address has slips; others are others)."""
    levels = (
        Level("exact", lambda a, b: a == b, "e-mail identical"),
        Level("typo", _email_typo, "e-mail the same but for a slip (a dot, two letters swapped, a mistyped domain)"),
        Level("else", None, "different e-mail addresses"),
    )
    return Comparison("email", levels, ("email",), lambda record: email_parts(record.get("email")))


def person_comparisons() -> list[Comparison]:
    """Return the comparisons that weigh whether two as-given records are one person."""
    return [
        string_similarity("name_key", (0.92, 0.8), name="name"),
        email_typo_comparison(),
        exact_match("phone"),
        postcode_comparison("postcode"),
        date_of_birth_comparison("date_of_birth"),
    ]


def _one(value: Any) -> tuple:
    return (value,) if value else ()


def person_rules() -> dict[str, KeyRule]:
    """Return the blocking rules for people: name, e-mail or its local part, phone, postcode, name in a district."""
    def local_part(record: Mapping[str, Any]) -> tuple:
        parts = email_parts(record.get("email"))
        return (parts[0],) if parts and len(parts[0]) >= 4 else ()

    def joined(*fields: str) -> Callable[[Mapping[str, Any]], tuple]:
        return lambda record: ((*[record[name] for name in fields],),) if all(record.get(f) for f in fields) else ()

    return {
        "name": lambda record: _one(record.get("name_key")),
        "email": lambda record: _one(record.get("email")),
        "email_local_part": local_part,
        "phone": lambda record: _one(record.get("phone")),
        "postcode": lambda record: _one(postcode_parts(record.get("postcode"))),
        "first_name_district": joined("first_name", "district"),
        "last_name_area": joined("last_name", "area"),
    }


def resolve_records(records: list[Record], role: str, *, current: Mapping[str, str] | None = None,
                    threshold: float = THRESHOLD) -> list:  # fmt: skip
    """Return the groups of two or more records (in two or more reports) that are one person of this role."""
    pairs = multi_key_pairs(records, person_rules())
    if len(pairs) == 0:
        return []
    model, _ = train(records, pairs, person_comparisons(), u_from_random_pairs=True, defaults="people")
    links = link(records, model, pairs=pairs, threshold_probability=0.0)
    by_report: dict[str, list[str]] = {}
    for record in records:
        for report in record["reports"]:
            by_report.setdefault(report, []).append(record["id"])
    apart = tuple((a, b) for ids in by_report.values() for i, a in enumerate(ids) for b in ids[i + 1 :])
    groups = resolve([record["id"] for record in records], links, threshold=threshold, prefix=PREFIXES[role],
                     decisions=Decisions(rejected=apart), current=current, keep_singletons=False)  # fmt: skip
    reports = {record["id"]: record["reports"] for record in records}
    return [group for group in groups if len({r for m in group.members for r in reports[m.record]}) >= 2]


def resolve_role(port: GraphPort, role: str, *, batch_size: int = 500,
                 progress: Callable[[str, int, int], None] = lambda stage, done, total: None) -> int:  # fmt: skip
    """Resolve every record of one role afresh and rewrite its resolved people; return how many there are."""
    if role not in ROLES:
        raise ValueError(f"role must be one of {', '.join(ROLES)}, not {role!r}")
    stage = "resolving complainants" if role == "complainant" else "resolving repeat victims"
    progress(stage, 0, 1)
    records = [person_record(row) for row in store.person_rows(port, role)]
    groups = resolve_records(records, role, current=store.current_people(port, role))
    names = {record["id"]: record["name"] for record in records}
    reports = {record["id"]: list(record["reports"]) for record in records}
    rows: list[Row] = store.people_rows(groups, names, reports)
    store.write_people(port, role, rows, batch_size=batch_size)
    progress(stage, 1, 1)
    return len(rows)
