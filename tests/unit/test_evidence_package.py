"""Evidence packages without a database: assembly, the deterministic zip, its manifest, and tampering found."""

from __future__ import annotations

import io
import json
import zipfile
from datetime import date, datetime, timezone

from domain.evidence_bundle import MANIFEST, build, member, verify
from domain.evidence_package import PackageInputs, assemble, node_ids, record_sha256
from domain.package_html import render_html
from domain.package_pdf import render_pdf

AT = datetime(2026, 10, 2, 9, 30, tzinfo=timezone.utc)
ASSESSMENT = {
    "classification": "crime", "classification_rule": "offence_made_out", "classification_reason": "an offence is made out",
    "priority": "P2", "priority_rule": "threat", "priority_reason": "a threat of violence", "cps_category": 1,
    "offences": [{"id": "pea_s4a", "statute": "Public Order Act 1986", "section": "s4A", "title": "Causing harassment",
                  "kind": "either_way", "summary_only": False, "elements_met": ["threatening words"],
                  "elements_missing": [], "complete": True, "cps_category": 1, "charge_by": None, "out_of_time": False}],
    "trace": ["The post threatens violence.", "Public Order Act s4A is made out."], "keep_subject_data": True,
    "subject_notice": None, "policy_version": "2026-1", "assessed_on": "2026-10-02",
}


def inputs(*, contacts_withheld: str | None = None, text: str = "you people are vermin ☪", generated_at=AT,
           classification: str = "crime", keep_subject_data: bool = True) -> PackageInputs:
    assessment = {**ASSESSMENT, "classification": classification, "keep_subject_data": keep_subject_data}
    case = {"id": "case:1", "status": "open", "classification": classification, "priority": "P2", "cps_category": 1,
            "charge_by": date(2027, 4, 1), "assessment_json": json.dumps(assessment), "owning_force": "E23000005",
            "owning_force_name": "Greater Manchester", "investigating_force": None,
            "jurisdiction_rule": "victim_home_force", "jurisdiction_explanation": "The victim lives in Manchester.",
            "jurisdiction_inputs": json.dumps({"victims": ["M14"]}), "unresolved_postcodes": [],
            "assignments": [{"id": "ac1", "kind": "rules", "at": AT, "by": "rules", "from": None, "to": "E23000005",
                             "reason": "victim's home force"}],
            "assessments": [{"id": "av1", "at": AT, "changes": "First assessment: crime", "trigger": "intake"}],
            "shares": []}
    reports = [
        {"id": "web:A", "source": "public_web_form", "reference": "A", "received_at": datetime(2026, 10, 1, 20, 5, tzinfo=timezone.utc),
         "description": "A hateful post about my faith", "strands": ["religion"], "content_hash": "a" * 64,
         "captures": [{"key": "x:status:1", "position": 0, "original_url": "https://twitter.com/t/status/1?s=20",
                       "text": text, "posted_at": datetime(2026, 10, 1, 19, 0, tzinfo=timezone.utc),
                       "screenshot_sha256": "b" * 64, "kind": "post"}]},
        {"id": "web:B", "source": "public_web_form", "reference": "B", "received_at": datetime(2026, 10, 1, 21, 0, tzinfo=timezone.utc),
         "description": "Same post", "strands": ["religion"], "content_hash": "c" * 64,
         "captures": [{"key": "x:status:1", "position": 0, "original_url": "https://x.com/t/status/1", "text": text},
                      {"key": "x:status:2", "position": 1, "original_url": "https://x.com/t/status/2", "text": "and again"}]},
    ]
    items = [{"key": "x:status:1", "platform": "x", "kind": "post", "canonical_url": "https://x.com/i/status/1",
              "posted_at": datetime(2026, 10, 1, 19, 0, tzinfo=timezone.utc), "author": "x:t", "referrals": []},
             {"key": "x:status:2", "platform": "x", "kind": "post", "canonical_url": "https://x.com/i/status/2",
              "author": "x:t", "removed_at": AT, "removed_recorded_by": "hub officer", "referrals": []}]
    people = [{"report": "web:A", "role": "complainant", "id": "p1", "name": "Dina Shah", "email": "dina@example.org",
               "anonymous": False},
              {"report": "web:A", "role": "victim", "id": "p1", "name": "Dina Shah", "email": "dina@example.org",
               "same_as_reporter": True},
              {"report": "web:B", "role": "subject", "id": "p9", "name": "Dan Kirby", "known_to_victim": False}]
    accounts = [{"id": "x:t", "platform": "x", "handle": "t", "as_author": True, "as_suspect": False,
                 "controller": "subject:x:t", "controller_name": "Dan Kirby", "confidence": 0.97, "method": "named_in_report",
                 "evidence": "report B names Dan Kirby"}]
    earlier = [{"id": "package:old", "version": 1, "generated_at": datetime(2026, 10, 2, 8, 0, tzinfo=timezone.utc),
                "generated_by": "dc-smith", "sha256": "d" * 64, "downloaded_at": [datetime(2026, 10, 2, 8, 5, tzinfo=timezone.utc)],
                "downloaded_by": ["dc-smith"], "downloaded_files": ["bundle.zip"]}]
    return PackageInputs(package_id="package:new", version=2, generated_at=generated_at, generated_by="dc-jones",
                         generated_role="force_officer", case=case, reports=reports, items=items, people=people,
                         accounts=accounts, earlier=earlier, contacts_withheld=contacts_withheld,
                         guidance=[{"key": "doxxing", "title": "Doxxing", "body": "Act **fast**. ![x](https://cdn.example/x.png)"}])


def _bundle(**changes):
    document = assemble(inputs(**changes))
    return document, build(document, html=render_html(document.package), pdf=render_pdf(document.package))


def _rezip(data: bytes, changes: dict[str, bytes | None]) -> bytes:
    """The same zip with some files replaced (bytes) or removed (None), or added."""
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as source, zipfile.ZipFile(out, "w") as target:
        for info in source.infolist():
            if info.filename in changes:
                if changes[info.filename] is not None:
                    target.writestr(info.filename, changes[info.filename])
            else:
                target.writestr(info, source.read(info.filename))
        for name, content in changes.items():
            if name not in source.namelist() and content is not None:
                target.writestr(name, content)
    return out.getvalue()


def test_exhibits_are_numbered_in_capture_order_with_every_url_and_their_own_hash() -> None:
    document = assemble(inputs())
    first, second = document.package["exhibits"]
    assert (first["exhibit"], first["canonical_key"], second["exhibit"]) == ("EX-001", "x:status:1", "EX-002")
    assert first["original_urls"] == ["https://twitter.com/t/status/1?s=20", "https://x.com/t/status/1"]
    assert first["captured_at"] == "2026-10-01T20:05:00+00:00" and first["screenshot_sha256"] == ["b" * 64]
    record = document.exhibit_files["exhibits/EX-001.json"]
    assert record["sha256"] == first["sha256"] == record_sha256(record["captured"])
    assert [c["report"] for c in record["captured"]["captures"]] == ["web:A", "web:B"]
    assert second["removal"]["recorded_by"] == "hub officer"
    assert document.package["case_summary"]["heading"].startswith("Case summary (MG5 format)")
    assert "x:status:2" in node_ids(document) and "p1" in node_ids(document)


def test_people_are_shown_as_the_role_may_see_them() -> None:
    seen = assemble(inputs()).package["people"]
    assert seen["complainants"][0]["contact"]["email"] == "dina@example.org"
    assert seen["subjects"][0]["name"] == "Dan Kirby"
    hidden = assemble(inputs(contacts_withheld="contact details are withheld from the hub_lead role")).package["people"]
    assert hidden["complainants"][0]["contact"] is None and "hub_lead" in hidden["victims"][0]["contact_withheld"]
    nchi = assemble(inputs(classification="nchi", keep_subject_data=False)).package["people"]
    assert "name" not in nchi["subjects"][0] and "NCHI" in nchi["subjects"][0]["withheld"]


def test_timeline_and_continuity_are_in_time_order_and_name_earlier_versions() -> None:
    package = assemble(inputs()).package
    times = [event["at"] for event in package["timeline"]]
    assert times == sorted(times) and "EX-001 posted on x" in package["timeline"][0]["event"]
    continuity = [(entry["event"], entry["what"]) for entry in package["continuity"]]
    assert continuity[:2] == [("collected", "web:A"), ("collected", "web:B")]
    assert ("package downloaded", "package:old") in continuity and continuity[-1] == ("package generated", "package:new")


def test_the_bundle_is_deterministic_and_its_manifest_verifies() -> None:
    document, first = _bundle()
    _, second = _bundle()
    assert first.data == second.data and first.sha256 == second.sha256
    paths = [entry["path"] for entry in first.files]
    assert paths == sorted(["package.json", "package.html", "package.pdf", "exhibits/EX-001.json", "exhibits/EX-002.json"])
    result = verify(first.data)
    assert result.intact and (result.files, result.exhibits, result.sha256) == (5, 2, first.sha256)
    with zipfile.ZipFile(io.BytesIO(first.data)) as archive:
        assert archive.namelist()[0] == MANIFEST and {i.date_time for i in archive.infolist()} == {(1980, 1, 1, 0, 0, 0)}
    assert member(first.data, "package.pdf").startswith(b"%PDF")
    _, later = _bundle(generated_at=datetime(2026, 10, 3, tzinfo=timezone.utc))
    assert later.sha256 != first.sha256, "a new generation is a new package"


def test_a_changed_exhibit_is_named_by_file_and_by_its_own_hash() -> None:
    document, bundle = _bundle()
    exhibit = dict(document.exhibit_files["exhibits/EX-001.json"])
    exhibit["captured"] = {**exhibit["captured"], "canonical_url": "https://x.com/i/status/999"}
    tampered = _rezip(bundle.data, {"exhibits/EX-001.json": json.dumps(exhibit).encode()})
    problems = verify(tampered).problems
    assert any(p.startswith("exhibits/EX-001.json: changed (SHA-256") for p in problems)
    assert any("exhibit EX-001 changed" in p for p in problems)
    assert not any("EX-002" in p for p in problems)


def test_missing_extra_and_unreadable_files_are_each_named() -> None:
    _, bundle = _bundle()
    problems = verify(_rezip(bundle.data, {"package.pdf": None, "notes.txt": b"added later"})).problems
    assert "package.pdf: missing (the manifest lists it)" in problems
    assert "notes.txt: extra (not in the manifest)" in problems
    assert verify(b"not a zip").problems == ("the file is not a zip archive: not an evidence package",)
    assert "manifest.json is missing" in verify(_rezip(bundle.data, {MANIFEST: None})).problems[0]


def test_the_html_is_self_contained_and_escapes_what_reports_say() -> None:
    document = assemble(inputs(text="<script>alert(1)</script>"))
    html = render_html(document.package)
    assert "<script" not in html and "<img" not in html, "no script, no outside image"
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html, "the text as copied is shown, escaped"
    assert "<strong>fast</strong>" in html and "EX-001" in html and "Case summary (MG5 format)" in html
    assert 'src="' not in html and "<link" not in html
