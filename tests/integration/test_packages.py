"""Evidence packages end to end on generated data: GraphQL as the right and wrong roles, downloads, audit, CLI."""

from __future__ import annotations

import io
import json
import zipfile
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from urllib.parse import quote

import pytest
from fastapi.testclient import TestClient
from typer.testing import CliRunner

from api.app import create_app
from cli.main import app as hub_app
from core.settings import Settings
from domain.access import Role
from domain.evidence_bundle import verify
from graph import audit
from graph.intake import ingest
from graph.policies import load_policies
from graph.port import GraphPort
from graph.reference import seed_reference
from loaders.generate.pipeline import generate
from loaders.validation import validate_report
from tests.integration.api_helpers import headers, token_for

WHY = "Preparing the file for the owning force"
GENERATE = """mutation($caseId: String!) { generateEvidencePackage(caseId: $caseId) {
  id caseId version sha256 exhibits contactsIncluded forForce files { path sha256 size }
  downloads { bundle pdf html } } }"""
LIST = """query($caseId: String!) { evidencePackages(caseId: $caseId) {
  id version sha256 generatedBy downloaded { by file } } }"""
OTHER_FORCE = "E23000001"  # Metropolitan Police: never the owner picked below unless it is, then Cumbria


@dataclass
class World:
    """A client, the case to package with its owning force, and tokens for the roles the tests use."""

    client: TestClient
    port: GraphPort
    case: str
    force: str
    tokens: dict[str, str]

    def gql(self, who: str, query: str, **variables: Any) -> dict[str, Any]:
        answer = self.client.post("/graphql", json={"query": query, "variables": variables},
                                  headers=headers(self.tokens[who], WHY))
        assert answer.status_code == 200, answer.text
        return answer.json()

    def ok(self, who: str, query: str, **variables: Any) -> dict[str, Any]:
        body = self.gql(who, query, **variables)
        assert not body.get("errors"), body
        return body["data"]

    def get(self, who: str, url: str):  # type: ignore[no-untyped-def]
        return self.client.get(url, headers=headers(self.tokens[who], WHY))


def _load_generated(port: GraphPort, reports: int = 80, seed: int = 7) -> None:
    seed_reference(port)
    records = [(validate_report(record), None) for record in generate(reports, seed).reports]
    ingest(port, records, policies=load_policies())


@pytest.fixture
def world(graph: GraphPort, neo4j_settings: Settings) -> Iterator[World]:
    _load_generated(graph)
    candidates = graph.read("testing/package_candidates")
    assert candidates and candidates[0]["captures"] >= 1, "the generated data has a force's case with content"
    chosen = next(row for row in candidates if not row["investigating"] or row["investigating"] == row["force"])
    other = OTHER_FORCE if chosen["force"] != OTHER_FORCE else "E23000002"
    tokens = {
        "owner": token_for(graph, neo4j_settings, Role.FORCE_OFFICER, force=chosen["force"], user="dc-owner"),
        "other": token_for(graph, neo4j_settings, Role.FORCE_OFFICER, force=other, user="dc-other"),
        "hub": token_for(graph, neo4j_settings, Role.HUB_OFFICER),
        "lead": token_for(graph, neo4j_settings, Role.HUB_LEAD),
        "analyst": token_for(graph, neo4j_settings, Role.HUB_ANALYST),
    }
    with TestClient(create_app(neo4j_settings)) as client:
        yield World(client, graph, chosen["case"], chosen["force"], tokens)


def _members(data: bytes) -> dict[str, bytes]:
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        return {name: archive.read(name) for name in archive.namelist()}


def _entries(port: GraphPort, operation: str, node: str) -> list[dict[str, Any]]:
    return audit.search(port, operation=operation, node=node, limit=20)


def test_the_owning_forces_officer_generates_downloads_and_regenerates(world: World) -> None:
    made = world.ok("owner", GENERATE, caseId=world.case)["generateEvidencePackage"]
    assert (made["caseId"], made["version"], made["forForce"], made["contactsIncluded"]) == (
        world.case, 1, world.force, True)
    paths = {f["path"] for f in made["files"]}
    assert {"package.json", "package.html", "package.pdf"} <= paths and made["exhibits"] >= 1
    assert len([p for p in paths if p.startswith("exhibits/EX-")]) == made["exhibits"]
    assert made["downloads"]["bundle"] == f"/packages/{quote(made['id'], safe='')}/bundle.zip"

    zipped = world.get("owner", made["downloads"]["bundle"])
    assert zipped.status_code == 200 and zipped.headers["content-type"] == "application/zip"
    assert zipped.headers["x-package-sha256"] == made["sha256"]
    checked = verify(zipped.content)
    assert checked.intact and checked.sha256 == made["sha256"] and checked.exhibits == made["exhibits"]
    files = _members(zipped.content)
    package = json.loads(files["package.json"])
    assert package["package"]["case"] == world.case and package["case_summary"]["counts"]["exhibits"] == made["exhibits"]
    first = package["exhibits"][0]
    assert first["exhibit"] == "EX-001" and first["canonical_key"] and first["captured_at"] and len(first["sha256"]) == 64
    assert package["jurisdiction"]["owning_force"] == world.force and package["jurisdiction"]["explanation"]
    assert package["assessment"]["trace"], "the rule trace travels with the package"
    assert package["people"]["contacts_withheld"] is None
    assert all(a["evidence"] is None for account in package["accounts"] for a in account["attributed_to"]), \
        "a force officer's package leaves out attribution evidence in words, as the API does"

    pdf = world.get("owner", made["downloads"]["pdf"])
    html = world.get("owner", made["downloads"]["html"])
    assert pdf.status_code == 200 and pdf.content.startswith(b"%PDF") and pdf.content == files["package.pdf"]
    assert html.status_code == 200 and "default-src 'none'" in html.headers["content-security-policy"]
    assert "Exhibit list (MG12)" in html.text and "<script" not in html.text

    [generated] = _entries(world.port, "alteration", made["id"])
    assert generated["actor"] == "dc-owner" and world.case in generated["node_ids"] and generated["justification"] == WHY
    disclosures = _entries(world.port, "disclosure", made["id"])
    assert len(disclosures) == 3 and {d["recipient"] for d in disclosures} == {world.force}
    assert {d["target"].rsplit("/", 1)[1] for d in disclosures} == {"bundle.zip", "package.pdf", "package.html"}

    again = world.ok("hub", GENERATE, caseId=world.case)["generateEvidencePackage"]
    assert again["version"] == 2 and again["sha256"] != made["sha256"]
    listed = world.ok("owner", LIST, caseId=world.case)["evidencePackages"]
    assert [(p["version"], p["sha256"]) for p in listed] == [(1, made["sha256"]), (2, again["sha256"])], \
        "regenerating keeps the old version as it was"
    assert [d["file"] for d in listed[0]["downloaded"]] == ["bundle.zip", "package.pdf", "package.html"]
    [hub_look] = _entries(world.port, "consultation", again["id"]) or [None]
    assert hub_look is None, "generating is an alteration; nothing was downloaded yet"
    second = json.loads(_members(world.get("hub", again["downloads"]["bundle"]).content)["package.json"])
    continuity = [(entry["event"], entry["what"]) for entry in second["continuity"]]
    assert ("package generated", made["id"]) in continuity and ("package downloaded", made["id"]) in continuity
    [consulted] = _entries(world.port, "consultation", again["id"])
    assert consulted.get("recipient") is None and consulted["actor"] == "hub-officer-hub"


def test_another_force_and_roles_without_the_right_are_refused(world: World) -> None:
    refused = world.gql("other", GENERATE, caseId=world.case)
    assert refused["data"] is None and refused["errors"][0]["message"] == (
        f"no case {world.case!r}, or it is outside what you may see")
    analyst = world.gql("analyst", GENERATE, caseId=world.case)
    assert analyst["errors"][0]["message"] == "role hub_analyst may not generate evidence packages"
    made = world.ok("owner", GENERATE, caseId=world.case)["generateEvidencePackage"]
    assert made["version"] == 1, "the refusals wrote nothing"
    assert world.ok("other", LIST, caseId=world.case)["evidencePackages"] == []
    away = world.get("other", made["downloads"]["bundle"])
    assert away.status_code == 404 and "outside what you may see" in away.json()["detail"]
    assert world.get("analyst", made["downloads"]["bundle"]).status_code == 403
    lead = world.get("lead", made["downloads"]["bundle"])
    assert lead.status_code == 403 and "holds contact details" in lead.json()["detail"]
    assert world.client.get(made["downloads"]["bundle"]).status_code == 401
    lead_made = world.ok("lead", GENERATE, caseId=world.case)["generateEvidencePackage"]
    assert lead_made["contactsIncluded"] is False
    package = json.loads(_members(world.get("lead", lead_made["downloads"]["bundle"]).content)["package.json"])
    assert "hub_lead" in package["people"]["contacts_withheld"]
    assert all(person["contact"] is None for person in package["people"]["victims"])
    refusals = [e for e in _entries(world.port, "disclosure", made["id"]) + _entries(world.port, "consultation", made["id"])
                if e["outcome"].startswith("refused")]
    assert len(refusals) >= 2, "refused downloads are audited too"


def test_the_command_line_generates_lists_downloads_and_verifies(world: World, neo4j_settings: Settings,
                                                                 tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("NEO4J_URI", neo4j_settings.bolt_uri)
    if neo4j_settings.neo4j_password:
        monkeypatch.setenv("NEO4J_PASSWORD", neo4j_settings.neo4j_password.get_secret_value())
    runner = CliRunner()

    def hub(*args: str, status: int = 0) -> str:
        result = runner.invoke(hub_app, list(args))
        assert result.exit_code == status, result.output
        return result.output

    out = tmp_path / "package.zip"
    made = hub("package", "generate", world.case, "--by", "Hub officer Reed", "--out", str(out))
    assert "version 1" in made and f"written to {out}" in made
    package_id = made.split(":", 2)[0] + ":" + made.split(":", 2)[1]
    assert "1 packages of case" in hub("package", "list", world.case)
    assert hub("package", "verify", str(out)).startswith("intact: ")
    [disclosed] = _entries(world.port, "disclosure", package_id)
    assert disclosed["recipient"] == str(out) and disclosed["actor"] == "Hub officer Reed"

    copy = tmp_path / "copy.zip"
    assert "written to" in hub("package", "download", package_id, "--out", str(copy), "--by", "Reed")
    assert copy.read_bytes() == out.read_bytes()
    files = _members(out.read_bytes())
    exhibit = json.loads(files["exhibits/EX-001.json"])
    exhibit["captured"]["original_urls"] = ["https://example.org/not-what-was-reported"]
    files["exhibits/EX-001.json"] = json.dumps(exhibit).encode()
    tampered = tmp_path / "tampered.zip"
    with zipfile.ZipFile(tampered, "w") as archive:
        for name, content in files.items():
            archive.writestr(name, content)
    failed = runner.invoke(hub_app, ["package", "verify", str(tampered)])
    assert failed.exit_code == 1
    assert "exhibits/EX-001.json: changed" in failed.output and "exhibit EX-001 changed" in failed.output
    assert "no evidence package 'package:nope'" in hub("package", "download", "package:nope", "--out",
                                                        str(tmp_path / "x.zip"), status=1)
    assert "no case 'case:nope'" in hub("package", "generate", "case:nope", "--by", "Reed", status=1)


def test_the_workbench_page_generates_and_links_downloads_for_its_role(world: World) -> None:
    from tests.integration.test_workbench import csrf_of, sign_in

    assert sign_in(world.client, world.tokens["owner"], purpose=WHY).status_code == 303
    case_page = world.client.get(f"/workbench/cases/{quote(world.case, safe='')}").text
    page_url = f"/workbench/packages/{quote(world.case, safe='')}"
    assert f'href="{page_url}"' in case_page
    empty = world.client.get(page_url)
    assert empty.status_code == 200 and "No package has been generated" in empty.text
    assert world.client.post(page_url, data={"csrf": "forged"}, follow_redirects=False).status_code == 403
    made = world.client.post(page_url, data={"csrf": csrf_of(empty.text)}, follow_redirects=False)
    assert made.status_code == 303 and "version+1+generated" in made.headers["location"]
    listed = world.client.get(made.headers["location"]).text
    link = next(part.split('"')[0] for part in listed.split('href="')[1:] if part.startswith("/packages/"))
    zipped = world.client.get(link)
    assert zipped.status_code == 200 and verify(zipped.content).intact, "the cookie session downloads it"
    [generated] = [e for e in audit.search(world.port, operation="alteration", limit=5)
                   if e["target"] == "workbench generate evidence package"]
    assert generated["actor"] == "dc-owner" and world.case in generated["node_ids"]

    world.client.cookies.clear()
    assert sign_in(world.client, world.tokens["other"], purpose=WHY).status_code == 303
    assert world.client.get(page_url).status_code == 404
    assert world.client.post(page_url, data={"csrf": csrf_of(world.client.get("/workbench/cases").text)},
                             follow_redirects=False).status_code == 404, "another force cannot package the case"
    assert world.client.get(link).status_code == 404
