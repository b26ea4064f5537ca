"""Advice to forces over the real graph: the documents store, a case's advice, notices, GraphQL and the workbench."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date

import pytest
import typer
from fastapi.testclient import TestClient
from typer.testing import CliRunner

from api.app import create_app
from cli import guidance as commands
from core.settings import Settings
from domain.access import Role
from graph import audit, documents, notices
from graph.guidance import guidance_for_case
from graph.intake import ingest
from graph.policies import Policies
from graph.port import GraphPort
from loaders.validation import validate_report
from tests import factories as f
from tests.integration.api_helpers import GMP, WYP, headers, token_for
from tests.integration.test_workbench import csrf_of, sign_in

THREAT = "https://x.com/threatener/status/7300000000000000001"
BODY = "## Act now\n\nCall the control room.\n\n<script>alert(1)</script>\n"


def _threat_case(port: GraphPort, policies: Policies) -> str:
    """A Manchester victim threatened with death on X, their address published: return the case id."""
    record = f.report("T1", victims=[{"name": "Ana Silva", "postcode": "M14 5RJ"}], targeted_characteristics=["race"],
                      content=[f.post(THREAT, handle="threatener", text="I know where you live and I will kill you")],
                      indicators={"threat_to_kill": True, "personal_details_published": True})
    ingest(port, [(validate_report(record), None)], policies=policies, today=date(2026, 11, 1))
    return next(row["case"] for row in port.read("testing/cases_overview") if row["reference"] == "T1")


# -- the store ----------------------------------------------------------------------------------------------------
def test_an_edit_writes_version_1_keeping_the_shipped_version_0(seeded: GraphPort) -> None:
    shipped = documents.get(seeded, "guidance", "doxxing")
    assert shipped is not None and shipped.version == 0 and shipped.edited_by is None
    edited = documents.edit(seeded, kind="guidance", key="doxxing", title="Doxxing (revised)", body=BODY,
                            by="lead-1", reason="local escalation route added")
    assert (edited.version, edited.edited_by, edited.reason, edited.tags) == (
        1, "lead-1", "local escalation route added", shipped.tags)
    assert edited.edited_at is not None
    current = {document.key: document for document in documents.current(seeded, "guidance")}
    assert current["doxxing"].title == "Doxxing (revised)" and current["threat_to_life"].version == 0
    assert len(current) == len(documents.shipped("guidance"))
    assert [(d.version, d.title) for d in documents.history(seeded, "guidance", "doxxing")] == [
        (1, "Doxxing (revised)"), (0, shipped.title)]
    again = documents.edit(seeded, kind="guidance", key="doxxing", title="Doxxing (revised)", body=BODY,
                           by="lead-2", reason="rerun")
    assert again.version == 1 and again.edited_by == "lead-1", "an unchanged edit writes nothing"
    retagged = documents.edit(seeded, kind="guidance", key="doxxing", title="Doxxing (revised)", body=BODY,
                              by="lead-2", reason="also for pile-ons",
                              tags={"offences": ["any"], "platforms": ["any"], "situations": ["doxxing", "pile_on"]})
    assert retagged.version == 2 and retagged.tags["situations"] == ("doxxing", "pile_on")
    assert documents.get(seeded, "guidance", "doxxing", version=0).title == shipped.title


def test_edits_are_checked_and_refusals_name_the_document_and_field(seeded: GraphPort) -> None:
    refusals = {
        "unknown 'theft'": dict(kind="guidance", key="doxxing", tags={"offences": ["theft"], "platforms": ["any"],
                                                                        "situations": ["any"]}),
        "a new guidance document needs offences": dict(kind="guidance", key="new_advice"),
        "a key is 1-64 lower-case": dict(kind="guidance", key="../escape"),
        "no such template": dict(kind="update_template", key="invented_event"),
        "unknown (expected guidance or update_template)": dict(kind="poster", key="doxxing"),
    }
    for fault, wrong in refusals.items():
        with pytest.raises(documents.DocumentError, match=fault.replace("(", r"\(").replace(")", r"\)")):
            documents.edit(seeded, title="T", body="B", by="lead-1", reason="try", **wrong)  # type: ignore[arg-type]
    with pytest.raises(documents.DocumentError, match=r"update_template 'received': body: .*not_a_placeholder"):
        documents.edit(seeded, kind="update_template", key="received", title="Report received",
                       body="Dear {name}, {not_a_placeholder}", by="lead-1", reason="try")
    with pytest.raises(documents.DocumentError, match="reason: give a non-empty text"):
        documents.edit(seeded, kind="guidance", key="doxxing", title="T", body="B", by="lead-1", reason=" ")
    assert documents.history(seeded, "guidance", "doxxing")[0].version == 0, "nothing was written"
    template = documents.edit(seeded, kind="update_template", key="received", title="Report received",
                              body="Dear {name},\n\nThank you for report {reference}.", by="lead-1",
                              reason="shorter", subject="Report {reference} received")
    assert (template.version, template.subject, template.tags) == (1, "Report {reference} received", {})


# -- a case's advice and the notices ------------------------------------------------------------------------------
def test_a_case_gets_the_guidance_for_its_situations_first_and_its_notice_names_it(
        seeded: GraphPort, policies: Policies) -> None:
    case = _threat_case(seeded, policies)
    advice = [document.key for document in guidance_for_case(seeded, case)]
    assert set(advice[:2]) == {"threat_to_life", "doxxing"}, advice
    assert "platform_preservation" in advice and advice[-1] == "supporting_victims"
    assert "nchi" not in advice and "stirring_up_hatred" not in advice
    assert guidance_for_case(seeded, "case:none") == []

    [line] = notices.export_lines(seeded)
    titles = [item["title"] for item in line["advice"]]
    assert [item["key"] for item in line["advice"]] == advice
    assert "Advice for this case, from the hub's guidance library" in line["text"]
    for title in titles:
        assert f"- {title}\n" in line["text"]

    documents.edit(seeded, kind="guidance", key="threat_to_life", title="Threats to life (force policy)",
                   body="Ring the control room.", by="lead-1", reason="local policy")
    [line] = notices.export_lines(seeded)
    assert "- Threats to life (force policy)\n" in line["text"], "the notice carries the library as it stands"
    assert {"key": "threat_to_life", "title": "Threats to life (force policy)", "version": 1} in line["advice"]


# -- GraphQL --------------------------------------------------------------------------------------------------------
@pytest.fixture
def client(neo4j_settings: Settings, seeded: GraphPort) -> Iterator[TestClient]:
    with TestClient(create_app(neo4j_settings)) as app_client:
        yield app_client


def _ask(client: TestClient, token: str, query: str, **variables: object) -> dict:
    answer = client.post("/graphql", json={"query": query, "variables": variables}, headers=headers(token))
    assert answer.status_code == 200, answer.text
    return answer.json()


EDIT = """mutation($kind: String!, $key: String!, $title: String!, $body: String!, $reason: String!) {
  editGuidance(kind: $kind, key: $key, title: $title, body: $body, reason: $reason) { key version editedBy html }
}"""


def test_graphql_reads_the_library_a_cases_advice_and_the_leads(
        client: TestClient, seeded: GraphPort, neo4j_settings: Settings, policies: Policies) -> None:
    case = _threat_case(seeded, policies)
    officer = token_for(seeded, neo4j_settings, Role.HUB_OFFICER)
    data = _ask(client, officer, '{ guidance(situation: "threat_to_life") { key matchReason html } }')["data"]
    assert [row["key"] for row in data["guidance"]] == ["threat_to_life"]
    assert data["guidance"][0]["matchReason"] == "situation: threat_to_life" and "<h2>" in data["guidance"][0]["html"]
    everything = _ask(client, officer, "{ guidance { key } }")["data"]["guidance"]
    assert len(everything) == len(documents.shipped("guidance"))

    leads = _ask(client, officer, "{ hateCrimeLeads { code force email } }")["data"]["hateCrimeLeads"]
    assert {"code": GMP, "force": "Greater Manchester",
            "email": "hate.crime.lead@greater-manchester.police.example"} in leads
    assert any(lead["code"] == "HUB" for lead in leads)

    query = "query($id: String!) { caseGuidance(caseId: $id) { situations platforms documents { key matchReason } } }"
    advice = _ask(client, officer, query, id=case)["data"]["caseGuidance"]
    assert {"doxxing", "threat_to_life", "threats"} <= set(advice["situations"]) and advice["platforms"] == ["x"]
    assert advice["documents"][0]["key"] in {"threat_to_life", "doxxing"}
    [entry] = audit.search(seeded, operation="consultation", limit=1)
    assert case in entry["node_ids"]
    elsewhere = token_for(seeded, neo4j_settings, Role.FORCE_OFFICER, force=WYP)
    assert _ask(client, elsewhere, query, id=case)["data"]["caseGuidance"] is None, "out of the force's scope"
    home = token_for(seeded, neo4j_settings, Role.FORCE_OFFICER, force=GMP)
    assert _ask(client, home, query, id=case)["data"]["caseGuidance"]["documents"]


def test_graphql_edit_is_for_hub_leads_audited_and_kept_in_the_history(
        client: TestClient, seeded: GraphPort, neo4j_settings: Settings) -> None:
    lead = token_for(seeded, neo4j_settings, Role.HUB_LEAD)
    officer = token_for(seeded, neo4j_settings, Role.HUB_OFFICER)
    variables = dict(kind="guidance", key="nchi", title="NCHIs (revised)", body=BODY, reason="code of practice update")
    refused = _ask(client, officer, EDIT, **variables)
    assert refused["data"] is None and refused["errors"][0]["message"] == (
        "role hub_officer may not edit the advice library or update templates")
    edited = _ask(client, lead, EDIT, **variables)["data"]["editGuidance"]
    assert (edited["key"], edited["version"], edited["editedBy"]) == ("nchi", 1, "hub-lead-hub")
    assert "<script>" not in edited["html"] and "&lt;script&gt;" in edited["html"]
    [entry] = audit.search(seeded, operation="alteration", limit=1)
    assert entry["node_ids"] == ["guidance:nchi:1"] and entry["actor"] == "hub-lead-hub"

    bad = _ask(client, lead, EDIT, **{**variables, "kind": "update_template", "key": "received", "body": "{oops}"})
    assert "update_template 'received': body:" in bad["errors"][0]["message"]

    history = _ask(client, officer, '{ guidanceDocument(kind: "guidance", key: "nchi") { current { version title } '
                                    'history { version editedBy editReason } } }')["data"]["guidanceDocument"]
    assert history["current"] == {"version": 1, "title": "NCHIs (revised)"}
    assert history["history"] == [{"version": 1, "editedBy": "hub-lead-hub", "editReason": "code of practice update"},
                                  {"version": 0, "editedBy": None, "editReason": None}]
    assert _ask(client, officer, '{ guidanceDocument(kind: "guidance", key: "nope") { __typename } }')["data"] == {
        "guidanceDocument": None}


# -- workbench --------------------------------------------------------------------------------------------------------
def test_workbench_pages_render_and_only_a_hub_lead_with_the_form_token_may_edit(
        client: TestClient, seeded: GraphPort, neo4j_settings: Settings, policies: Policies) -> None:
    case = _threat_case(seeded, policies)
    assert sign_in(client, token_for(seeded, neo4j_settings, Role.HUB_OFFICER)).status_code == 303
    library = client.get("/workbench/guidance")
    assert library.status_code == 200 and "Threats to life" in library.text and 'href="/workbench/guidance"' in library.text
    filtered = client.get("/workbench/guidance?platform=x")
    assert "Platform preservation" in filtered.text and "Threats to life" not in filtered.text
    page = client.get("/workbench/guidance/guidance/threat_to_life")
    assert page.status_code == 200 and "<h2>Act now</h2>" in page.text and "Save a new version" not in page.text
    assert client.post("/workbench/guidance/guidance/threat_to_life",
                       data={"csrf": csrf_of(page.text), "title": "x", "body": "y", "reason": "z",
                             "offences": "any", "platforms": "any", "situations": "any"}).status_code == 403
    leads = client.get("/workbench/leads")
    assert leads.status_code == 200 and "hate.crime.lead@greater-manchester.police.example" in leads.text
    case_page = client.get(f"/workbench/cases/{case}")
    assert "Advice for this case" in case_page.text and "/workbench/guidance/guidance/threat_to_life" in case_page.text
    assert client.get("/workbench/guidance/guidance/nope").status_code == 404

    client.cookies.clear()
    assert sign_in(client, token_for(seeded, neo4j_settings, Role.HUB_LEAD)).status_code == 303
    page = client.get("/workbench/guidance/guidance/threat_to_life")
    assert "Save a new version" in page.text
    form = {"title": "Threats to life (local)", "body": "## Act now\n\nRing the inspector.", "reason": "local route",
            "offences": "osa2023_s181", "platforms": "any", "situations": "threat_to_life, threats"}
    forged = client.post("/workbench/guidance/guidance/threat_to_life", data={**form, "csrf": "forged"})
    assert forged.status_code == 403 and documents.get(seeded, "guidance", "threat_to_life").version == 0
    saved = client.post("/workbench/guidance/guidance/threat_to_life", data={**form, "csrf": csrf_of(page.text)},
                        follow_redirects=False)
    assert saved.status_code == 303 and "Version+1+saved" in saved.headers["location"]
    stored = documents.get(seeded, "guidance", "threat_to_life")
    assert (stored.version, stored.tags["situations"]) == (1, ("threat_to_life", "threats"))
    assert "Ring the inspector" in client.get(saved.headers["location"]).text
    old = client.get("/workbench/guidance/guidance/threat_to_life?version=0")
    assert "You are reading version 0" in old.text
    bad = client.post("/workbench/guidance/guidance/threat_to_life",
                      data={**form, "situations": "made_up", "csrf": csrf_of(page.text)})
    assert bad.status_code == 400 and "situations: unknown &#39;made_up&#39;" in bad.text


# -- the commands -----------------------------------------------------------------------------------------------------
@pytest.fixture
def hub(seeded: GraphPort, neo4j_settings: Settings, monkeypatch: pytest.MonkeyPatch):
    monkeypatch.setenv("NEO4J_URI", neo4j_settings.bolt_uri)
    if neo4j_settings.neo4j_password:
        monkeypatch.setenv("NEO4J_PASSWORD", neo4j_settings.neo4j_password.get_secret_value())
    app, runner = typer.Typer(), CliRunner()
    app.add_typer(commands.app, name="guidance")
    app.add_typer(commands.leads_app, name="leads")

    def run(*args: str, status: int = 0) -> str:
        result = runner.invoke(app, list(args))
        assert result.exit_code == status, result.output
        return result.output

    return run


def test_commands_list_show_edit_check_and_the_leads(hub, seeded: GraphPort, tmp_path) -> None:
    assert "documents checked: no faults" in hub("guidance", "check")
    assert "46 leads" in hub("leads", "list")
    listed = hub("guidance", "list", "--kind", "guidance")
    assert f"{len(documents.shipped('guidance'))} documents" in listed and "guidance/doxxing  v0" in listed
    source = tmp_path / "pile_on.md"
    source.write_text("---\ntitle: Pile-ons (revised)\noffences: [any]\nplatforms: [any]\n"
                      "situations: [pile_on]\n---\nNew text.\n", encoding="utf-8")
    written = hub("guidance", "edit", "guidance", "pile_on", "--file", str(source), "--by", "Lead Ward",
                  "--reason", "simpler")
    assert "guidance/pile_on: version 1 written" in written
    assert "unchanged, still version 1" in hub("guidance", "edit", "guidance", "pile_on", "--file", str(source),
                                               "--by", "Lead Ward", "--reason", "again")
    [entry] = audit.search(seeded, operation="alteration", limit=1)
    assert (entry["actor"], entry["node_ids"], entry["justification"]) == ("Lead Ward", ["guidance:pile_on:1"], "simpler")
    shown = hub("guidance", "show", "guidance", "pile_on")
    assert "Pile-ons (revised)" in shown and "v1 by Lead Ward: simpler; v0 as shipped" in shown
    assert "Pile-ons and coordinated campaigns" in hub("guidance", "show", "guidance", "pile_on", "--version", "0")
    source.write_text("---\ntitle: T\noffences: [any]\nplatforms: [myspace]\nsituations: [any]\n---\nx\n")
    assert "platforms: unknown 'myspace'" in hub("guidance", "edit", "guidance", "pile_on", "--file", str(source),
                                                 "--by", "Lead Ward", "--reason", "r", status=1)
    assert "KIND is one of" in hub("guidance", "show", "poster", "x", status=1)
