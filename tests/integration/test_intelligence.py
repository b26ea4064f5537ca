"""Intelligence for the National Intelligence Model, end to end through GraphQL on the real graph: draft, grade,
export (JSON Lines and CSV) with the Disclosure and audit entry, sanitisation, and the refusals."""

from __future__ import annotations

import csv
import hashlib
import io
import json
import re
from pathlib import Path

import pytest
import typer
from typer.testing import CliRunner

from cli import intel as commands
from core.settings import Settings
from domain.access import Role
from graph import audit
from graph.intake import ingest
from graph.intelligence_export import CSV_COLUMNS
from graph.networks import run_all
from graph.policies import load_policies
from graph.port import GraphPort
from loaders.generate import generate
from loaders.validation import validate_report
from tests.integration.test_graphql_mutations import Api, api
from tests.integration.api_helpers import token_for
from tests.integration.test_graphql_reads import SUBJECT, app_client, two_forces
from tests.integration.test_workbench import csrf_of, sign_in

__all__ = ["api", "app_client"]  # the fixture, imported so that pytest finds it here

# Every detail of the victims (who are also the reporters) of the two reports behind SUBJECT (G1 and W1).
VICTIM_DETAILS = ("Amira Haddad", "Amira", "Haddad", "amira@example.org", "+447700900001", "M14 5RJ", "Wendy Ola",
                  "wendy@example.org", "+447700900004", "LS6 2AB")
REPORT = """id subjectKind subjectId status summary content draftedBy suggestedSource suggestedAssessment
  suggestionReason grading { code source assessment handling conditions flags by reason suggestedSource }
  history { version code } disclosureIds"""
DRAFT = f"""mutation($kind: String!, $id: String!) {{
  draftIntelligenceReport(subjectKind: $kind, subjectId: $id) {{ {REPORT} }} }}"""
GRADE = f"""mutation($id: ID!, $source: String!, $assessment: String!, $handling: String!, $conditions: String,
  $reason: String!) {{ gradeIntelligenceReport(id: $id, source: $source, assessment: $assessment,
  handling: $handling, conditions: $conditions, reason: $reason) {{ {REPORT} }} }}"""
EXPORT = """mutation($ids: [ID!], $format: String!, $recipient: String!, $victims: Boolean!) {
  exportIntelligence(ids: $ids, format: $format, recipient: $recipient, withVictimData: $victims) {
    content message disclosure { id recipient by reportIds withVictimData victimDataReportIds sanitisedReportIds
      format sha256 bytes } } }"""
DISCLOSURES = "{ disclosures(first: 10) { edges { node { id recipient by reportIds format sha256 } } } }"
NIM = "National Intelligence Database (NID) bureau"


def _leaks(text: str, details: tuple[str, ...] = VICTIM_DETAILS) -> list[str]:
    lowered = text.lower()
    return [detail for detail in details if re.search(rf"(?<!\w){re.escape(detail.lower())}(?!\w)", lowered)]


def _draft(api: Api, kind: str, subject: str, role: Role = Role.HUB_ANALYST) -> dict:
    return api.ok(role, DRAFT, kind=kind, id=subject)["draftIntelligenceReport"]


def _grade(api: Api, report: str, code: str, conditions: str | None = None, role: Role = Role.HUB_ANALYST) -> dict:
    source, assessment, handling = code.split("/")
    return api.ok(role, GRADE, id=report, source=source, assessment=assessment, handling=handling,
                  conditions=conditions, reason="screenshots checked against the platform")["gradeIntelligenceReport"]


def _export(api: Api, role: Role, ids: list[str], fmt: str = "jsonl", victims: bool = False) -> dict:
    return api.ok(role, EXPORT, ids=ids, format=fmt, recipient=NIM, victims=victims)["exportIntelligence"]


def test_draft_and_grade_a_subject_through_graphql(api: Api, graph: GraphPort) -> None:
    two_forces(graph)
    report = _draft(api, "person", SUBJECT)
    assert (report["status"], report["subjectId"], report["grading"], report["history"]) == ("draft", SUBJECT, None, [])
    content = report["content"]
    assert [account["id"] for account in content["accounts"]] == ["x:dan_g", "x:dan_w"]
    assert content["accounts"][0]["confidence"] == 0.97 and content["accounts"][0]["method"] == "shared_identifier"
    assert content["strands"] == ["race", "religion"] and content["platforms"] == ["x"] and len(content["cases"]) == 2
    assert report["summary"].startswith(f"Subject {SUBJECT} (Dan Kirby) controls 2 account(s)")
    # two independent reporters, no screenshot hash, attribution not confirmed: 2/B suggested
    assert (report["suggestedSource"], report["suggestedAssessment"]) == ("2", "B")
    assert "2 people reported it independently" in report["suggestionReason"]
    # what the API shows is sanitised: the victims are labels, their details nowhere
    assert content["people"] == [{"label": "victim 1", "role": "victim"}, {"label": "victim 2", "role": "victim"}]
    assert _leaks(json.dumps(content)) == [] and "[victim 1]" in json.dumps(content)

    refused = api.refused(Role.HUB_ANALYST, GRADE, id=report["id"], source="2", assessment="B", handling="C",
                          conditions=None, reason="no conditions given")
    assert "conditions: handling code C needs the conditions of sharing" in refused and report["id"] in refused
    assert "source: '7' is not a grade" in api.refused(Role.HUB_ANALYST, GRADE, id=report["id"], source="7",
                                                       assessment="B", handling="P", conditions=None, reason="typo")
    graded = _grade(api, report["id"], "2/B/C", conditions="Not to be shared with the subject's employer")
    assert graded["grading"]["code"] == "2/B/C" and graded["grading"]["suggestedSource"] == "2"
    assert graded["grading"]["conditions"] == "Not to be shared with the subject's employer"
    regraded = _grade(api, report["id"], "1/E/P", role=Role.HUB_LEAD)
    assert [version["code"] for version in regraded["history"]] == ["2/B/C", "1/E/P"]
    assert regraded["grading"]["by"] == "hub-lead-hub" and "suspected to be false" in regraded["grading"]["flags"][0]
    entry = audit.search(graph, operation="alteration", limit=1)[0]
    assert report["id"] in entry["node_ids"] and entry["actor"] == "hub-lead-hub" and "graded 1/E/P" in entry["details"]
    assert audit.search(graph, operation="combination", limit=1)[0]["node_ids"] == sorted([report["id"], SUBJECT])


def test_exports_sanitise_unless_the_lead_asks_and_the_handling_code_allows(api: Api, graph: GraphPort) -> None:
    two_forces(graph)
    person = _draft(api, "person", SUBJECT)["id"]
    account = _draft(api, "account", "x:shared_troll")["id"]
    draft_only = _draft(api, "account", "x:dan_g")["id"]
    _grade(api, person, "2/B/P")
    _grade(api, account, "1/A/C", conditions="For police use only; not to be shared with platforms")

    message = api.refused(Role.HUB_ANALYST, EXPORT, ids=[person], format="jsonl", recipient=NIM, victims=True)
    assert message == "role hub_analyst may not disclose victims' personal data in intelligence"
    assert "is not graded: only graded reports are exported" in api.refused(
        Role.HUB_ANALYST, EXPORT, ids=[person, draft_only], format="jsonl", recipient=NIM, victims=False)
    assert "recipient: say to whom" in api.refused(Role.HUB_ANALYST, EXPORT, ids=[person], format="jsonl",
                                                   recipient="  ", victims=False)
    assert "format: 'xml' is not one of jsonl, csv" in api.refused(Role.HUB_ANALYST, EXPORT, ids=[person],
                                                                    format="xml", recipient=NIM, victims=False)
    assert graph.read("intelligence/disclosures", scope={"all": True, "force": None}, after=None, limit=5) == []

    sanitised = _export(api, Role.HUB_ANALYST, [person, account])
    records = [json.loads(line) for line in sanitised["content"].splitlines()]
    assert [record["id"] for record in records] == [person, account]
    assert {record["victim_data"] for record in records} == {"withheld: not asked for"}
    assert _leaks(sanitised["content"]) == [] and "[victim 1]" in sanitised["content"]
    assert records[1]["grading"]["conditions"] == "For police use only; not to be shared with platforms"
    assert records[1]["grading"]["handling"] == {"value": "C", "meaning": records[1]["grading"]["handling"]["meaning"]}
    disclosure = sanitised["disclosure"]
    assert (disclosure["recipient"], disclosure["by"], disclosure["reportIds"], disclosure["withVictimData"]) == (
        NIM, "hub-analyst-hub", [person, account], False)
    assert disclosure["sha256"] == hashlib.sha256(sanitised["content"].encode()).hexdigest()
    entry = audit.search(graph, operation="disclosure", limit=1)[0]
    assert (entry["recipient"], entry["actor"], entry["target"]) == (NIM, "hub-analyst-hub",
                                                                     "graphql mutation exportIntelligence")
    assert set(entry["node_ids"]) == {disclosure["id"], person, account}

    full = _export(api, Role.HUB_LEAD, [person, account], victims=True)
    by_id = {json.loads(line)["id"]: json.loads(line) for line in full["content"].splitlines()}
    assert by_id[person]["victim_data"] == "included"
    assert {"Amira Haddad", "amira@example.org", "+447700900001", "M14 5RJ"} <= set(_leaks(json.dumps(by_id[person])))
    assert by_id[account]["victim_data"].startswith("withheld: handling code C (conditions: For police use only")
    assert _leaks(json.dumps(by_id[account])) == []
    assert (full["disclosure"]["victimDataReportIds"], full["disclosure"]["sanitisedReportIds"]) == ([person], [account])
    assert "with victims' data: 1, sanitised: 1" in full["message"]


def test_csv_export_and_who_may_read_disclosures(api: Api, graph: GraphPort) -> None:
    two_forces(graph)
    campaign = api.ok(Role.HUB_LEAD, "{ campaigns { edges { node { id } } } }")["campaigns"]["edges"][0]["node"]["id"]
    report = _draft(api, "campaign", campaign, role=Role.HUB_LEAD)
    assert report["content"]["campaign"]["victim_count"] == 6 and len(report["content"]["accounts"]) >= 5
    assert report["summary"].startswith(f"Campaign {campaign} (")
    _grade(api, report["id"], "2/C/P", role=Role.HUB_LEAD)
    exported = _export(api, Role.HUB_LEAD, [report["id"]], fmt="csv")
    rows = list(csv.reader(io.StringIO(exported["content"])))
    assert tuple(rows[0]) == CSV_COLUMNS and len(rows) == 2
    row = dict(zip(CSV_COLUMNS, rows[1]))
    assert (row["id"], row["grading"], row["source_meaning"], row["recipient"]) == (report["id"], "2/C/P", "untested", NIM)
    assert row["victim_data"] == "withheld: not asked for" and json.loads(row["content_json"])["subject"]["id"] == campaign
    assert _leaks(exported["content"]) == []

    for role in (Role.HUB_LEAD, Role.AUDITOR):
        [edge] = api.ok(role, DISCLOSURES)["disclosures"]["edges"]
        assert (edge["node"]["recipient"], edge["node"]["format"]) == (NIM, "csv")
    for role in (Role.FORCE_OFFICER, Role.HUB_OFFICER, Role.INTAKE):
        assert api.refused(role, DISCLOSURES).startswith(f"role {role.value} may not read the record")
        assert api.refused(role, DRAFT, kind="campaign", id=campaign) == (
            f"role {role.value} may not write or export intelligence reports")
    assert api.refused(Role.AUDITOR, "{ intelligenceReports { edges { node { id } } } }") == (
        "role auditor may not write or export intelligence reports")
    listed = api.ok(Role.HUB_ANALYST, "{ intelligenceReports(graded: true, subjectKind: \"campaign\") { edges { node { id } } } }")
    assert [edge["node"]["id"] for edge in listed["intelligenceReports"]["edges"]] == [report["id"]]
    assert "no person 'x:nobody' to write intelligence about" in api.refused(
        Role.HUB_ANALYST, DRAFT, kind="person", id="x:nobody")


# -- generated data: nothing of any victim or complainant survives a sanitised export ----------------------
def _details(records: list[dict]) -> tuple[str, ...]:
    found: set[str] = set()
    for record in records:
        people = [record.get("reporter") or {}, *(record.get("victims") or [])]
        for person in people:
            found.update(str(person[key]) for key in ("name", "email", "phone", "postcode", "date_of_birth")
                         if person.get(key))
    return tuple(sorted(found))


def test_generated_data_exports_keep_no_victim_identifier(api: Api, graph: GraphPort) -> None:
    records = generate(240, seed=5).reports
    policies = load_policies()
    for start in range(0, len(records), 80):
        ingest(graph, [(validate_report(record), None) for record in records[start:start + 80]], policies=policies)
    run_all(graph)
    offender = api.ok(Role.HUB_LEAD, "{ repeatOffenders(first: 1) { edges { node { id } } } }")
    campaigns = api.ok(Role.HUB_LEAD, "{ campaigns(first: 3) { edges { node { id } } } }")["campaigns"]["edges"]
    subjects = [("account", offender["repeatOffenders"]["edges"][0]["node"]["id"])] + [
        ("campaign", edge["node"]["id"]) for edge in campaigns]
    ids = []
    for kind, subject in subjects:
        drafted = _draft(api, kind, subject, role=Role.HUB_LEAD)
        _grade(api, drafted["id"], "2/B/P", role=Role.HUB_LEAD)
        ids.append(drafted["id"])
    details = _details(records)
    sanitised = _export(api, Role.HUB_LEAD, ids)["content"]
    assert _leaks(sanitised, details) == []
    disclosed = _export(api, Role.HUB_LEAD, ids, victims=True)["content"]
    assert _leaks(disclosed, details), "the same export with victims' data carries them: the check above can fail"


# -- the commands -----------------------------------------------------------------------------------------
@pytest.fixture
def hub(graph: GraphPort, neo4j_settings: Settings, monkeypatch: pytest.MonkeyPatch):
    monkeypatch.setenv("NEO4J_URI", neo4j_settings.bolt_uri)
    if neo4j_settings.neo4j_password:
        monkeypatch.setenv("NEO4J_PASSWORD", neo4j_settings.neo4j_password.get_secret_value())
    app, runner = typer.Typer(), CliRunner()
    app.add_typer(commands.app, name="intel")

    def run(*args: str, status: int = 0) -> str:
        result = runner.invoke(app, ["intel", *args])
        assert result.exit_code == status, result.output
        return result.output

    return run


def test_the_intel_commands(hub, graph: GraphPort, tmp_path: Path) -> None:
    two_forces(graph)
    drafted = hub("draft", "account", "x:shared_troll", "--by", "Analyst Reed")
    report = re.search(r"(intel:\S+): draft about account x:shared_troll", drafted).group(1)
    assert "suggested grading" in drafted
    assert "handling code C needs the conditions" in hub("grade", report, "--source", "2", "--assessment", "B",
                                                         "--handling", "C", "--by", "Reed", "--reason", "checked",
                                                         status=1)
    graded = hub("grade", report, "--source", "2", "--assessment", "B", "--handling", "C", "--conditions",
                 "police use only", "--by", "Reed", "--reason", "checked the posts")
    assert f"{report}: graded 2/B/C (version 1; suggested" in graded and "conditions: police use only" in graded
    assert "1 intelligence reports" in hub("list", "--graded") and "0 intelligence reports" in hub("list", "--ungraded")
    out = tmp_path / "intel.jsonl"
    exported = hub("export", "--out", str(out), "--to", NIM, "--by", "Reed", "--with-victim-data")
    assert f"1 reports written to {out} for {NIM}" in exported and "sanitised (handling code): 1" in exported
    [record] = [json.loads(line) for line in out.read_text().splitlines()]
    assert record["victim_data"].startswith("withheld: handling code C") and _leaks(out.read_text()) == []
    assert f"to {NIM}  by Reed  jsonl  1 reports (sanitised)" in hub("disclosures")
    entry = audit.search(graph, operation="disclosure", limit=1)[0]
    assert (entry["recipient"], entry["actor"], entry["role"]) == (NIM, "Reed", "command_line")
    assert "--format is one of jsonl, csv" in hub("export", "--out", str(out), "--to", NIM, "--by", "Reed",
                                                 "--format", "xml", status=1)


# -- the workbench ----------------------------------------------------------------------------------------
def test_the_workbench_drafts_grades_and_exports(graph: GraphPort, neo4j_settings: Settings, app_client) -> None:
    two_forces(graph)
    officer = token_for(graph, neo4j_settings, Role.HUB_OFFICER)
    assert sign_in(app_client, officer).status_code == 303
    assert "/workbench/intelligence" not in app_client.get("/workbench/cases").text, "no nav link without the right"
    assert app_client.get("/workbench/intelligence").status_code == 403

    assert sign_in(app_client, token_for(graph, neo4j_settings, Role.HUB_ANALYST)).status_code == 303
    page = app_client.get(f"/workbench/intelligence?kind=person&subject={SUBJECT}")
    assert page.status_code == 200 and 'href="/workbench/intelligence" aria-current="page"' in page.text
    assert f'value="{SUBJECT}"' in page.text
    drafted = app_client.post("/workbench/intelligence/draft", follow_redirects=False,
                              data={"csrf": csrf_of(page.text), "kind": "person", "subject": SUBJECT})
    assert drafted.status_code == 303
    shown = app_client.get(drafted.headers["location"])
    report = re.search(r"Intelligence report <span class=\"muted\">(intel:[^<]+)</span>", shown.text).group(1)
    assert "Draft intel:" in shown.text and "[victim 1]" in shown.text and _leaks(shown.text) == []
    assert "Export and download" not in shown.text and "Only graded reports are exported." in shown.text
    refused = app_client.post("/workbench/intelligence/grade", data={
        "csrf": csrf_of(shown.text), "report": report, "source": "2", "assessment": "B", "handling": "C",
        "conditions": "", "reason": "checked"})
    assert refused.status_code == 400 and "handling code C needs the conditions" in refused.text
    graded = app_client.post("/workbench/intelligence/grade", data={
        "csrf": csrf_of(shown.text), "report": report, "source": "2", "assessment": "B", "handling": "P",
        "conditions": "", "reason": "checked the posts"})
    assert graded.status_code == 200 and "Graded 2/B/P (version 1; suggested 2/B)" in graded.text
    assert "Export and download" in graded.text and "Include victims&#39; data" not in graded.text
    forbidden = app_client.post("/workbench/intelligence/export", data={
        "csrf": csrf_of(graded.text), "ids": report, "format": "csv", "recipient": NIM, "with_victim_data": "yes"})
    assert forbidden.status_code == 403 and "may not disclose victims" in forbidden.text
    download = app_client.post("/workbench/intelligence/export", data={
        "csrf": csrf_of(graded.text), "ids": report, "format": "csv", "recipient": NIM})
    assert download.status_code == 200 and download.headers["content-type"].startswith("text/csv")
    assert download.headers["content-disposition"].startswith('attachment; filename="intelligence-')
    assert download.headers["x-content-sha256"] == hashlib.sha256(download.content).hexdigest()
    assert _leaks(download.text) == [] and download.text.startswith(",".join(CSV_COLUMNS))
    entry = audit.search(graph, operation="disclosure", limit=1)[0]
    assert (entry["recipient"], entry["target"]) == (NIM, "workbench intelligence export")
    listing = app_client.get("/workbench/intelligence")
    assert download.headers["x-disclosure"] in listing.text and NIM in listing.text
