"""GraphQL mutations against the real graph: each changes it, is audited, and is refused to roles without the right."""

from __future__ import annotations

import json
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
from fastapi.testclient import TestClient

from api.app import create_app
from core.settings import Settings
from domain.access import Role
from graph import audit, jurisdiction, sharing
from graph.attribution import service
from graph.dedupe import review
from graph.intake import ingest
from graph.policies import load_policies
from graph.port import GraphPort
from graph.reference import seed_reference
from loaders.validation import validate_report
from tests import factories as f
from tests.integration.api_helpers import GMP, WYP, headers, token_for
from tests.integration.graph_helpers import fingerprint

SAMPLE = json.loads((Path(__file__).resolve().parents[1] / "fixtures" / "reports.sample.jsonl").open().readline())
TWEET = "https://x.com/troll_one/status/1111111111111111111"
REASON = "checked the screenshots against the platform"
ACCOUNTS = ("x:sarah_j", "x:grey_owl77")


@dataclass
class Api:
    """A test client and one token per role, for posting GraphQL as any of them."""

    client: TestClient
    tokens: dict[Role, str]

    def call(self, role: Role, query: str, justification: str | None = "Case review for test purposes",
             **variables: Any) -> dict[str, Any]:
        """Post a mutation as `role`; return the JSON answer, after checking it was no server error."""
        answer = self.client.post("/graphql", json={"query": query, "variables": variables},
                                  headers=headers(self.tokens[role], justification))
        assert answer.status_code == 200, answer.text
        return answer.json()

    def ok(self, role: Role, query: str, **variables: Any) -> dict[str, Any]:
        """Post a mutation that must succeed; return its data."""
        body = self.call(role, query, **variables)
        assert not body.get("errors"), body
        return body["data"]

    def refused(self, role: Role, query: str, justification: str | None = "Case review for test purposes",
                **variables: Any) -> str:
        """Post a mutation that must fail; return its error message."""
        body = self.call(role, query, justification, **variables)
        assert body.get("data") is None and body.get("errors"), body
        return body["errors"][0]["message"]


@pytest.fixture
def api(neo4j_settings: Settings, graph: GraphPort) -> Iterator[Api]:
    seed_reference(graph)
    tokens = {role: token_for(graph, neo4j_settings, role, force=GMP if role is Role.FORCE_OFFICER else None)
              for role in Role}
    with TestClient(create_app(neo4j_settings)) as client:
        yield Api(client, tokens)


def _user(role: Role) -> str:
    force = GMP.lower() if role is Role.FORCE_OFFICER else "hub"
    return f"{role.value.replace('_', '-')}-{force}"


def _load(port: GraphPort, *records: dict) -> list[str]:
    policies = load_policies()
    return [outcome.id for record in records
            for outcome in ingest(port, [(validate_report(record), None)], policies=policies)]


def _case(port: GraphPort, report: str) -> str:
    found = review.case_of(port, report)
    assert found is not None
    return found["case"]


def _dm(reference: str, text: str, minute: int) -> dict:
    return f.report(reference, **f.victim_reporter("Ana Silva", "ana@example.org"),
                    content=[f.post(None, kind="direct_message", platform="Instagram", handle="hater_1", text=text,
                                    posted_at=f"2026-10-01T20:{minute:02d}:00+00:00")])


def _two_dms(port: GraphPort) -> tuple[str, str]:
    a, b = _load(port, _dm("A", "you people are vermin and I know where you live", 0),
                 _dm("B", "you people are vermin and I know where you live!!", 4))
    return a, b


def _last_entry(port: GraphPort, operation: str) -> dict[str, Any]:
    [entry] = audit.search(port, operation=operation, limit=1)
    return entry


def _data_counts(port: GraphPort) -> dict[str, int]:
    """The fingerprint without the audit trail, which records refusals too."""
    return {kind: total for kind, total in fingerprint(port).items() if not kind.startswith("node:Audit")}


# -- intake ----------------------------------------------------------------------------------------
SUBMIT = "mutation($report: JSON!) { submitReport(report: $report) { id new status } }"


def test_submit_report_collects_it_once(api: Api, graph: GraphPort) -> None:
    first = api.ok(Role.INTAKE, SUBMIT, report=SAMPLE)["submitReport"]
    assert first == {"id": "public_web_form:WEB-2026-000101", "new": True, "status": "created"}
    assert graph.read("testing/report_by_id", id=first["id"]), "the report is in the graph"
    entry = _last_entry(graph, "collection")
    assert (entry["actor"], entry["node_ids"], entry["target"]) == ("intake-hub", [first["id"]],
                                                                    "graphql mutation submitReport")
    again = api.ok(Role.INTAKE, SUBMIT, report=SAMPLE)["submitReport"]
    assert again["new"] is False
    assert len(audit.search(graph, operation="collection")) == 1, "an unchanged resubmission collects nothing"


def test_submit_report_refuses_bad_input_readably(api: Api, graph: GraphPort) -> None:
    api.ok(Role.INTAKE, SUBMIT, report=SAMPLE)
    before = _data_counts(graph)
    conflict = api.refused(Role.INTAKE, SUBMIT, report={**SAMPLE, "description": "something else"})
    assert "already received with different content" in conflict
    bad = json.loads(json.dumps(SAMPLE))
    bad["content"][0]["audience_size"] = -5
    invalid = api.refused(Role.INTAKE, SUBMIT, report=bad)
    assert "breaks the contract" in invalid and "content[0].audience_size" in invalid
    assert "must be a JSON object" in api.refused(Role.INTAKE, SUBMIT, report=[1, 2])
    assert _data_counts(graph) == before


# -- duplicates ------------------------------------------------------------------------------------
CONFIRM = ("mutation($a: String!, $b: String!, $why: String!) { confirmDuplicates(report: $a, other: $b, reason: $why) "
           "{ decisionId caseIds cases { report case } message } }")
REJECT = ("mutation($a: String!, $b: String!, $why: String!) { rejectDuplicates(report: $a, other: $b, reason: $why) "
          "{ decisionId caseIds } }")
SPLIT = "mutation($a: String!, $why: String!) { splitReport(report: $a, reason: $why) { decisionId caseIds } }"
UNDO_DUPLICATE = ("mutation($id: String!, $why: String!) { undoDuplicateDecision(decisionId: $id, reason: $why) "
                  "{ decisionId caseIds } }")


def test_confirm_then_undo_duplicates(api: Api, graph: GraphPort) -> None:
    a, b = _two_dms(graph)
    assert _case(graph, a) != _case(graph, b)
    result = api.ok(Role.HUB_OFFICER, CONFIRM, a=a, b=b, why=REASON)["confirmDuplicates"]
    assert _case(graph, a) == _case(graph, b) and result["caseIds"] == [_case(graph, a)]
    entry = _last_entry(graph, "combination")
    assert entry["actor"] == "hub-officer-hub" and entry["justification"] == "Case review for test purposes"
    assert {result["decisionId"], a, b, _case(graph, a)} <= set(entry["node_ids"])
    [decision] = review.history(graph, a)
    assert decision["by"] == "hub-officer-hub" and decision["reason"] == REASON

    undone = api.ok(Role.HUB_LEAD, UNDO_DUPLICATE, id=result["decisionId"], why="wrong thread after all")
    assert _case(graph, a) != _case(graph, b) and len(undone["undoDuplicateDecision"]["caseIds"]) == 2
    entry = _last_entry(graph, "alteration")
    assert entry["actor"] == "hub-lead-hub" and {result["decisionId"], a, b} <= set(entry["node_ids"])


def test_reject_and_split_duplicates(api: Api, graph: GraphPort) -> None:
    a, b, c = _load(graph, *(f.report(ref, content=[f.post(TWEET)]) for ref in "ABC"))
    assert _case(graph, a) == _case(graph, b) == _case(graph, c)
    split = api.ok(Role.HUB_OFFICER, SPLIT, a=b, why=REASON)["splitReport"]
    assert _case(graph, a) == _case(graph, c) != _case(graph, b)
    assert {split["decisionId"], b} <= set(_last_entry(graph, "alteration")["node_ids"])
    rejected = api.ok(Role.HUB_OFFICER, REJECT, a=a, b=c, why=REASON)["rejectDuplicates"]
    assert _case(graph, a) != _case(graph, c)
    entry = _last_entry(graph, "alteration")
    assert {rejected["decisionId"], a, c} <= set(entry["node_ids"]) and entry["actor"] == "hub-officer-hub"


def test_duplicate_decisions_refuse_bad_input_readably(api: Api, graph: GraphPort) -> None:
    a, _ = _two_dms(graph)
    before = _data_counts(graph)
    assert "no such report" in api.refused(Role.HUB_OFFICER, CONFIRM, a=a, b="public_web_form:NOPE", why=REASON)
    assert "2 different report" in api.refused(Role.HUB_OFFICER, CONFIRM, a=a, b=a, why=REASON)
    assert "no decision 'nope' in force" in api.refused(Role.HUB_OFFICER, UNDO_DUPLICATE, id="nope", why=REASON)
    assert "reason: say why" in api.refused(Role.HUB_OFFICER, SPLIT, a=a, why="  ")
    assert _data_counts(graph) == before


# -- attribution -----------------------------------------------------------------------------------
CONFIRM_ACCOUNTS = ("mutation($a: String!, $b: String!, $why: String!) { confirmAttribution(account: $a, other: $b, "
                    "reason: $why) { decisionId subjectIds subjects { account subject } } }")
REJECT_ACCOUNTS = ("mutation($a: String!, $b: String!, $why: String!) { rejectAttribution(account: $a, other: $b, "
                   "reason: $why) { decisionId subjectIds } }")
SPLIT_ACCOUNT = "mutation($a: String!, $why: String!) { splitAccount(account: $a, reason: $why) { decisionId } }"
UNDO_ATTRIBUTION = ("mutation($id: String!, $why: String!) { undoAttributionDecision(decisionId: $id, reason: $why) "
                    "{ decisionId subjectIds } }")


def _suspect(reference: str, handle: str, url: str, name: str) -> dict:
    return f.report(reference, content=[f.post(url, handle=handle)],
                    suspects=[{"platform": "X", "handle": handle, "display_name": name}])


def _accounts(port: GraphPort) -> None:
    _load(port, _suspect("S1", "sarah_j", "https://x.com/sarah_j/status/1000000000000000002", "Sarah Jones"),
          _suspect("G1", "grey_owl77", "https://x.com/grey_owl77/status/1000000000000000003", "Grey Owl"))
    service.attribute(port)


def test_attribution_decisions_and_undo(api: Api, graph: GraphPort) -> None:
    _accounts(graph)
    a, b = ACCOUNTS
    assert service.subject_of(graph, a)[0]["person"] != service.subject_of(graph, b)[0]["person"]
    confirmed = api.ok(Role.HUB_ANALYST, CONFIRM_ACCOUNTS, a=a, b=b, why=REASON)["confirmAttribution"]
    [subject] = confirmed["subjectIds"]
    assert service.subject_of(graph, a)[0]["person"] == service.subject_of(graph, b)[0]["person"] == subject
    entry = _last_entry(graph, "combination")
    assert entry["actor"] == "hub-analyst-hub" and {confirmed["decisionId"], a, b, subject} <= set(entry["node_ids"])

    api.ok(Role.HUB_LEAD, UNDO_ATTRIBUTION, id=confirmed["decisionId"], why="the disclosure was for another person")
    assert service.subject_of(graph, a)[0]["person"] != service.subject_of(graph, b)[0]["person"]
    entry = _last_entry(graph, "alteration")
    assert entry["actor"] == "hub-lead-hub" and {confirmed["decisionId"], a, b} <= set(entry["node_ids"])

    rejected = api.ok(Role.HUB_ANALYST, REJECT_ACCOUNTS, a=a, b=b, why=REASON)["rejectAttribution"]
    assert rejected["decisionId"] in _last_entry(graph, "alteration")["node_ids"]
    split = api.ok(Role.HUB_ANALYST, SPLIT_ACCOUNT, a=a, why=REASON)["splitAccount"]
    assert {split["decisionId"], a} <= set(_last_entry(graph, "alteration")["node_ids"])


def test_attribution_refuses_unknown_accounts_readably(api: Api, graph: GraphPort) -> None:
    before = _data_counts(graph)
    message = api.refused(Role.HUB_ANALYST, CONFIRM_ACCOUNTS, a="x:nobody", b="x:nobody_else", why=REASON)
    assert "no such account" in message
    assert "no attribution decision 'nope' in force" in api.refused(Role.HUB_ANALYST, UNDO_ATTRIBUTION, id="nope",
                                                                    why=REASON)
    assert _data_counts(graph) == before


# -- sharing ---------------------------------------------------------------------------------------
SHARE = ("mutation($case: String!, $force: String!, $why: String!) { shareCase(caseId: $case, force: $force, "
         "reason: $why) { shareId caseId force new message } }")
UNSHARE = ("mutation($case: String!, $force: String!, $why: String!) { unshareCase(caseId: $case, force: $force, "
           "reason: $why) { shareId new message } }")


def test_share_then_unshare_keeps_a_record(api: Api, graph: GraphPort) -> None:
    [report] = _load(graph, f.report("A", content=[f.post(TWEET)]))
    case = _case(graph, report)
    shared = api.ok(Role.HUB_OFFICER, SHARE, case=case, force=WYP.lower(), why=REASON)["shareCase"]
    assert shared["new"] is True and shared["force"] == WYP
    assert _data_counts(graph)["rel:SHARED_WITH"] == 1
    entry = _last_entry(graph, "disclosure")
    assert (entry["actor"], entry["recipient"], entry["node_ids"]) == ("hub-officer-hub", WYP, [case])

    again = api.ok(Role.HUB_LEAD, SHARE, case=case, force=WYP, why=REASON)["shareCase"]
    assert again["new"] is False and again["shareId"] == shared["shareId"]
    assert _data_counts(graph)["rel:SHARED_WITH"] == 1, "sharing twice changes nothing"

    withdrawn = api.ok(Role.HUB_LEAD, UNSHARE, case=case, force=WYP, why="the force closed its enquiry")
    assert withdrawn["unshareCase"]["shareId"] == shared["shareId"]
    assert "rel:SHARED_WITH" not in _data_counts(graph)
    [record] = sharing.history(graph, case)
    assert record["by"] == "hub-officer-hub" and record["active"] is False and record["unshared_by"] == "hub-lead-hub"
    entry = _last_entry(graph, "alteration")
    assert (entry["actor"], entry["recipient"], entry["node_ids"]) == ("hub-lead-hub", WYP, [case])


def test_sharing_refuses_bad_input_readably(api: Api, graph: GraphPort) -> None:
    [report] = _load(graph, f.report("A", content=[f.post(TWEET)]))
    case = _case(graph, report)
    before = _data_counts(graph)
    assert "no case 'case:nope'" in api.refused(Role.HUB_OFFICER, SHARE, case="case:nope", force=WYP, why=REASON)
    assert "not a police force area code" in api.refused(Role.HUB_OFFICER, SHARE, case=case, force="E99", why=REASON)
    assert f"is not shared with force {WYP}" in api.refused(Role.HUB_OFFICER, UNSHARE, case=case, force=WYP, why=REASON)
    assert _data_counts(graph) == before


# -- officers' case decisions ----------------------------------------------------------------------
OVERRIDE = ("mutation($case: String!, $field: String!, $value: String!, $why: String!) { overrideAssessment("
            "caseId: $case, field: $field, value: $value, reason: $why) { overrideId caseId priority changes } }")
UNDO_OVERRIDE = ("mutation($id: String!, $why: String!) { undoOverride(overrideId: $id, reason: $why) "
                 "{ overrideId caseId priority } }")
REASSIGN = ("mutation($case: String!, $force: String!, $why: String!) { reassignCase(caseId: $case, force: $force, "
            "reason: $why) { caseId owningForce rule message } }")
UNDO_REASSIGN = ("mutation($case: String!, $why: String!) { undoReassignment(caseId: $case, reason: $why) "
                 "{ caseId owningForce rule } }")


def _priority(port: GraphPort, case: str) -> str:
    [row] = port.read("testing/case_assessment", case=case)
    return row["priority"]


def test_override_then_undo(api: Api, graph: GraphPort) -> None:
    [report] = _load(graph, f.report("A", content=[f.post(TWEET)], targeted_characteristics=["race"]))
    case = _case(graph, report)
    machine = _priority(graph, case)
    wanted = "P1" if machine != "P1" else "P4"
    result = api.ok(Role.HUB_OFFICER, OVERRIDE, case=case, field="priority", value=wanted.lower(),
                    why=REASON)["overrideAssessment"]
    assert result["priority"] == wanted == _priority(graph, case)
    entry = _last_entry(graph, "alteration")
    assert entry["actor"] == "hub-officer-hub" and set(entry["node_ids"]) == {result["overrideId"], case}

    undone = api.ok(Role.HUB_LEAD, UNDO_OVERRIDE, id=result["overrideId"], why="the rules had it right")
    assert undone["undoOverride"]["priority"] == machine == _priority(graph, case)
    entry = _last_entry(graph, "alteration")
    assert entry["actor"] == "hub-lead-hub" and set(entry["node_ids"]) == {result["overrideId"], case}


def test_reassign_then_undo(api: Api, graph: GraphPort) -> None:
    [report] = _load(graph, f.report("A", content=[f.post(TWEET)]))
    case = _case(graph, report)
    rules_owner = jurisdiction.case_assignment(graph, case)["owning_force"]
    moved = api.ok(Role.HUB_OFFICER, REASSIGN, case=case, force=WYP, why=REASON)["reassignCase"]
    assert moved["owningForce"] == WYP == jurisdiction.case_assignment(graph, case)["owning_force"]
    entry = _last_entry(graph, "alteration")
    assert (entry["actor"], entry["node_ids"]) == ("hub-officer-hub", [case])

    back = api.ok(Role.HUB_LEAD, UNDO_REASSIGN, case=case, why="the rules had it right")["undoReassignment"]
    assert back["owningForce"] == rules_owner == jurisdiction.case_assignment(graph, case)["owning_force"]
    assert _last_entry(graph, "alteration")["actor"] == "hub-lead-hub"


def test_case_decisions_refuse_bad_input_readably(api: Api, graph: GraphPort) -> None:
    [report] = _load(graph, f.report("A", content=[f.post(TWEET)]))
    case = _case(graph, report)
    before = _data_counts(graph)
    refused = api.refused
    assert "no case 'case:nope'" in refused(Role.HUB_OFFICER, OVERRIDE, case="case:nope", field="priority",
                                            value="P1", why=REASON)
    assert "1, 2, 3, 4 or none" in refused(Role.HUB_OFFICER, OVERRIDE, case=case, field="cps_category",
                                           value="five", why=REASON)
    assert "no override 'nope' in force" in refused(Role.HUB_OFFICER, UNDO_OVERRIDE, id="nope", why=REASON)
    assert "not a police force area code" in refused(Role.HUB_OFFICER, REASSIGN, case=case, force="E99", why=REASON)
    assert "has no reassignment in force" in refused(Role.HUB_OFFICER, UNDO_REASSIGN, case=case, why=REASON)
    assert _data_counts(graph) == before


# -- refusals --------------------------------------------------------------------------------------
def _variables(graph: GraphPort) -> dict[str, dict[str, Any]]:
    """Real ids for every mutation, so that a mutation let through would change the graph."""
    a, b = _two_dms(graph)
    case = _case(graph, a)
    decision = review.decide(graph, kind="split", reports=[a], by="someone", reason="set up")
    return {
        SUBMIT: {"report": SAMPLE},
        CONFIRM: {"a": a, "b": b, "why": REASON},
        REJECT: {"a": a, "b": b, "why": REASON},
        SPLIT: {"a": b, "why": REASON},
        UNDO_DUPLICATE: {"id": decision.decision, "why": REASON},
        CONFIRM_ACCOUNTS: {"a": "instagram:hater_1", "b": "x:troll_one", "why": REASON},
        REJECT_ACCOUNTS: {"a": "instagram:hater_1", "b": "x:troll_one", "why": REASON},
        SPLIT_ACCOUNT: {"a": "instagram:hater_1", "why": REASON},
        UNDO_ATTRIBUTION: {"id": "attribution-decision:nope", "why": REASON},
        SHARE: {"case": case, "force": WYP, "why": REASON},
        UNSHARE: {"case": case, "force": WYP, "why": REASON},
        OVERRIDE: {"case": case, "field": "priority", "value": "P1", "why": REASON},
        UNDO_OVERRIDE: {"id": "nope", "why": REASON},
        REASSIGN: {"case": case, "force": WYP, "why": REASON},
        UNDO_REASSIGN: {"case": case, "why": REASON},
    }


REFUSED = [
    (SUBMIT, Role.HUB_ANALYST, "may not submit reports"),
    (SUBMIT, Role.AUDITOR, "may not submit reports"),
    (CONFIRM, Role.HUB_ANALYST, "may not review duplicate decisions"),
    (REJECT, Role.FORCE_OFFICER, "may not review duplicate decisions"),
    (SPLIT, Role.AUDITOR, "may not review duplicate decisions"),
    (UNDO_DUPLICATE, Role.HUB_ANALYST, "may not review duplicate decisions"),
    (CONFIRM_ACCOUNTS, Role.HUB_OFFICER, "may not review attributions"),
    (REJECT_ACCOUNTS, Role.FORCE_OFFICER, "may not review attributions"),
    (SPLIT_ACCOUNT, Role.AUDITOR, "may not review attributions"),
    (UNDO_ATTRIBUTION, Role.HUB_OFFICER, "may not review attributions"),
    (SHARE, Role.FORCE_OFFICER, "may not share cases with forces"),
    (UNSHARE, Role.HUB_ANALYST, "may not share cases with forces"),
    (OVERRIDE, Role.HUB_ANALYST, "may not share cases with forces"),
    (UNDO_OVERRIDE, Role.FORCE_OFFICER, "may not share cases with forces"),
    (REASSIGN, Role.FORCE_OFFICER, "may not share cases with forces"),
    (UNDO_REASSIGN, Role.AUDITOR, "may not share cases with forces"),
]


def _name(mutation: str) -> str:
    return mutation.split("{")[1].split("(")[0].strip()


@pytest.mark.parametrize(("mutation", "role", "words"), REFUSED, ids=[f"{_name(m)}-{r.value}" for m, r, _ in REFUSED])
def test_a_role_without_the_right_is_refused(api: Api, graph: GraphPort, mutation: str, role: Role, words: str) -> None:
    variables = _variables(graph)[mutation]
    before = _data_counts(graph)
    message = api.refused(role, mutation, **variables)
    assert message == f"role {role.value} {words}"
    assert _data_counts(graph) == before, "a refused mutation changed the graph"
    [entry] = audit.search(graph, actor=_user(role), limit=1)
    assert entry["outcome"].startswith("refused") and entry["operation"] == "consultation"


JUSTIFIED_ROLE = {
    SUBMIT: Role.HUB_OFFICER, CONFIRM: Role.HUB_OFFICER, REJECT: Role.HUB_OFFICER, SPLIT: Role.HUB_LEAD,
    UNDO_DUPLICATE: Role.HUB_LEAD, CONFIRM_ACCOUNTS: Role.HUB_ANALYST, REJECT_ACCOUNTS: Role.HUB_ANALYST,
    SPLIT_ACCOUNT: Role.HUB_LEAD, UNDO_ATTRIBUTION: Role.HUB_ANALYST, SHARE: Role.HUB_OFFICER, UNSHARE: Role.HUB_LEAD,
    OVERRIDE: Role.HUB_OFFICER, UNDO_OVERRIDE: Role.HUB_LEAD, REASSIGN: Role.HUB_LEAD, UNDO_REASSIGN: Role.HUB_OFFICER,
}


@pytest.mark.parametrize("mutation", list(JUSTIFIED_ROLE), ids=_name)
def test_a_hub_role_without_a_justification_is_refused(api: Api, graph: GraphPort, mutation: str) -> None:
    variables = _variables(graph)[mutation]
    before = _data_counts(graph)
    role = JUSTIFIED_ROLE[mutation]
    message = api.refused(role, mutation, justification=None, **variables)
    assert message.startswith(f"role {role.value} must give a justification of at least 10 characters")
    assert _data_counts(graph) == before, "a refused mutation changed the graph"


def test_the_justification_argument_stands_in_for_the_header(api: Api, graph: GraphPort) -> None:
    a, b = _two_dms(graph)
    query = CONFIRM.replace("reason: $why)", 'reason: $why, justification: "Complainant asked for an update")')
    api.ok(Role.HUB_OFFICER, query, justification=None, a=a, b=b, why=REASON)
    assert _last_entry(graph, "combination")["justification"] == "Complainant asked for an update"
