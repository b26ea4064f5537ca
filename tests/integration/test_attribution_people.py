"""Repeat complainants and victims against the real Neo4j: typos resolved, roles kept apart, anonymity kept."""

from __future__ import annotations

from graph.attribution import people, service
from graph.intake import ingest
from graph.port import GraphPort
from loaders.validation import validate_report
from tests import factories as f


def _load(port: GraphPort, *records: dict) -> None:
    for record in records:
        ingest(port, [(validate_report(record), None)])


def _self_report(reference: str, name: str, email: str, postcode: str | None = None, **extra: object) -> dict:
    reporter = {"role": "victim", "name": name, "email": email, **extra}
    if postcode:
        reporter["postcode"] = postcode
    return f.report(reference, reporter=reporter, victims=[{"same_as_reporter": True}])


def _resolved(port: GraphPort) -> dict[str, dict]:
    return {row["id"]: row for row in port.read("testing/resolved_people")}


def test_a_complainant_with_typos_is_one_person_never_merged_with_a_subject(graph: GraphPort) -> None:
    _load(
        graph,
        _self_report("A1", "Amira Haddad", "amira.haddad@example.org", "LS6 2AB"),
        _self_report("A2", "Amira Hadad", "amira.haddad@exmaple.org", "ls62ab"),
        _self_report("A3", "amira haddad", "amria.haddad@example.org"),
        _self_report("Z1", "Amira Haddad", "a.haddad77@mail.example.com", "SW1A 1AA"),
        f.report("S1", content=[f.post("https://x.com/amira_h/status/1000000000000000009", handle="amira_h")],
                 suspects=[{"platform": "X", "handle": "amira_h", "name": "Amira Haddad",
                            "email": "amira.haddad@example.org"}]),
    )
    summary = service.attribute(graph)
    assert summary.complainants == 1 and summary.victims == 1
    resolved = _resolved(graph)
    reporters = [f"public_web_form:{ref}#reporter" for ref in ("A1", "A2", "A3")]
    [complainant] = [row for row in resolved.values() if row["role"] == "complainant"]
    assert complainant["id"] == "complainant:public_web_form:A1#reporter"
    assert "Complainant" in complainant["labels"] and complainant["resolves"] == reporters
    [victim] = [row for row in resolved.values() if row["role"] == "victim"]
    assert "RepeatVictim" in victim["labels"] and victim["resolves"] == reporters
    [subject] = [row for row in resolved.values() if row["role"] == "subject"]
    assert subject["resolves"] == ["public_web_form:S1#subject0"], "a subject of the same name stays a subject"
    assert all(set(row["resolves"]).isdisjoint({"public_web_form:S1#subject0"})
               for row in resolved.values() if row["role"] != "subject")  # fmt: skip
    assert "public_web_form:Z1#reporter" not in complainant["resolves"], "same name, other details: another person"


def test_anonymous_reporters_are_never_resolved(graph: GraphPort) -> None:
    anonymous = {"role": "victim", "anonymous": True, "contact_consent": False, "preferred_contact": "none"}
    _load(graph, *(f.report(ref, reporter=anonymous, victims=[{"same_as_reporter": True}]) for ref in ("N1", "N2", "N3")))
    service.attribute(graph)
    resolved = _resolved(graph)
    touched = {person for row in resolved.values() for person in row["resolves"]}
    assert not any(person.startswith("public_web_form:N") for person in touched)


def test_records_in_one_report_are_different_people() -> None:
    rows = [
        {"id": "r1#victim0", "name": "Jo Bloggs", "name_key": "jo bloggs", "emails": [], "phones": [],
         "postcode": "M1 1AA", "reports": ["r1"]},
        {"id": "r1#victim1", "name": "Jo Bloggs", "name_key": "jo bloggs", "emails": [], "phones": [],
         "postcode": "M1 1AA", "reports": ["r1"]},
    ]  # fmt: skip
    assert people.resolve_records([people.person_record(row) for row in rows], "victim") == []
