"""The report generator: deterministic, schema-valid, realistically shaped, and truthful about its world."""

from __future__ import annotations

import csv
import json
import re
from collections import Counter, defaultdict
from datetime import datetime
from pathlib import Path

import pytest

from loaders.generate import (
    HUB, expected_owning_force, generate, iter_reports, write_generated, write_generated_stream,
)
from loaders.generate.places import load_places
from loaders.generate.truth import force_of_postcode
from loaders.generate.vocabulary import DRAMA_PHONE_PREFIXES

jsonschema = pytest.importorskip("jsonschema")

ROOT = Path(__file__).resolve().parents[2]
SCHEMA = json.loads((ROOT / "contracts" / "report.schema.json").read_text(encoding="utf-8"))
FORCES = {row["code"]: row["name"] for row in csv.DictReader(
    (ROOT / "reference" / "police_force_areas.csv").open(encoding="utf-8", newline=""))}
DISTRICT_ROWS = list(csv.DictReader((ROOT / "reference" / "postcode_districts.csv").open(encoding="utf-8",
                                                                                          newline="")))
# RFC 3339 date-time, zone offset compulsory: checked here too, in case jsonschema lacks its format helper.
DATE_TIME = re.compile(r"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$")
WINDOW = (datetime.fromisoformat("2025-11-01T00:00:00+00:00"), datetime.fromisoformat("2026-11-01T00:00:00+00:00"))
N = 2000


@pytest.fixture(scope="module")
def data():
    return generate(N, 11)


@pytest.fixture(scope="module")
def by_key(data):
    return {f"{report['source']}|{report['reference']}": report for report in data.reports}


def when(text: str) -> datetime:
    return datetime.fromisoformat(text.replace("Z", "+00:00"))


def item_report_counts(truth: dict) -> Counter:
    return Counter(item for items in truth["report_items"].values() for item in items)


# Determinism


def test_the_same_seed_gives_byte_identical_files_in_memory_or_streamed(tmp_path):
    first = write_generated(generate(1500, 42), tmp_path / "a")
    second = write_generated(generate(1500, 42), tmp_path / "b")
    streamed = write_generated_stream(1500, 42, tmp_path / "c")
    for paths in zip(first, second, streamed):
        contents = [path.read_bytes() for path in paths]
        assert contents[0] == contents[1] == contents[2], paths[0].name
    assert [path.name for path in first] == ["reports.jsonl", "truth.json"]


def test_different_seeds_give_different_reports():
    assert generate(300, 1).reports != generate(300, 2).reports


def test_files_are_json_lines_and_sorted_json(tmp_path):
    data = generate(200, 5)
    reports_path, truth_path = write_generated(data, tmp_path)
    lines = reports_path.read_text(encoding="utf-8").splitlines()
    assert [json.loads(line) for line in lines] == data.reports
    truth = json.loads(truth_path.read_text(encoding="utf-8"))
    assert truth == json.loads(json.dumps(data.truth))
    assert list(truth) == sorted(truth)
    assert list(truth["items"]) == sorted(truth["items"])


def test_iter_reports_yields_exactly_n_and_fills_the_truth():
    from loaders.generate import TruthRecorder

    truth = TruthRecorder(3)
    reports = list(iter_reports(137, 3, truth))
    assert len(reports) == 137
    assert truth.to_dict()["n_reports"] == 137
    assert list(iter_reports(0, 3)) == []


@pytest.mark.parametrize("n_reports, seed", [(-1, 1), (1.5, 1), ("10", 1), (True, 1), (10, "seven")])
def test_bad_arguments_are_refused_with_a_clear_message(n_reports, seed):
    with pytest.raises(ValueError, match="n_reports|seed"):
        list(iter_reports(n_reports, seed))


# The intake contract


def test_every_record_validates_against_the_schema(data):
    checker = jsonschema.FormatChecker()
    validator = jsonschema.Draft202012Validator(SCHEMA, format_checker=checker)
    for report in data.reports:
        errors = sorted(validator.iter_errors(report), key=lambda error: list(error.path))
        assert not errors, f"{report['reference']}: {errors[0].message} at {list(errors[0].path)}"
        stamps = [report["received_at"]] + [entry["posted_at"] for entry in report.get("content", [])
                                            if "posted_at" in entry]
        stamps += [report[name] for name in ("occurred_from", "occurred_to") if name in report]
        assert all(DATE_TIME.match(stamp) for stamp in stamps), report["reference"]


def test_source_and_reference_pairs_are_unique(data):
    pairs = Counter((report["source"], report["reference"]) for report in data.reports)
    assert max(pairs.values()) == 1


def test_reference_formats_follow_each_source(data):
    patterns = {
        "public_web_form": r"WEB-20\d\d-\d{6}", "force_referral": r"FR-[A-Z]+-20\d\d-\d+",
        "third_party_centre": r"TPC-\d+", "platform_referral": r"[A-Z]+-20\d\d-\d{7}",
        "hub_officer": r"HUB-20\d\d-\d{5}",
    }
    for report in data.reports:
        assert re.fullmatch(patterns[report["source"]], report["reference"]), report["reference"]
    assert {report["source"] for report in data.reports} == set(patterns)


def test_times_fall_in_the_year_in_order_and_material_predates_its_report(data):
    received = [when(report["received_at"]) for report in data.reports]
    assert received == sorted(received)
    assert WINDOW[0] <= received[0] and received[-1] <= WINDOW[1]
    assert (received[-1] - received[0]).days > 300
    for report, moment in zip(data.reports, received):
        for entry in report.get("content", []):
            if "posted_at" in entry:
                assert when(entry["posted_at"]) <= moment, report["reference"]
    offsets = {report["received_at"][-6:] for report in data.reports}
    assert {"+00:00", "+01:00"} <= offsets


def test_contact_details_are_reserved_examples_and_abuse_is_redacted(data):
    prefixes = tuple(prefix.replace(" ", "") for prefix in DRAMA_PHONE_PREFIXES)
    for report in data.reports:
        people = [report["reporter"], *report.get("victims", []), *report.get("suspects", [])]
        for email in (person["email"] for person in people if "email" in person):
            assert re.search(r"@([a-z0-9-]+\.)*(example|exmaple|examp1e|exampel)\.(com|net|org)$", email), email
        for phone in (person["phone"] for person in people if "phone" in person):
            digits = re.sub(r"\D", "", phone)
            digits = "0" + digits[2:] if digits.startswith("44") else digits
            assert digits.startswith(prefixes) and len(digits) == 11, phone
    texts = [entry["text"] for report in data.reports for entry in report.get("content", []) if "text" in entry]
    assert sum("[" in text for text in texts) > 0.6 * len(texts)


# The shape of the world


def test_heavy_tailed_popularity(data):
    counts = item_report_counts(data.truth)
    assert max(counts.values()) >= 10
    assert sum(1 for count in counts.values() if count == 1) > 0.5 * len(counts)


def test_a_viral_item_is_pasted_in_many_url_variants(data, by_key):
    counts = item_report_counts(data.truth)
    viral = max(counts, key=counts.get)
    urls = {entry["url"] for key, items in data.truth["report_items"].items() for entry, item in
            zip(by_key[key].get("content", []), items) if item == viral and "url" in entry}
    assert len(urls) >= 3


def test_copy_paste_campaigns_are_different_accounts_posting_the_same_text(data, by_key):
    truth = data.truth
    authors = defaultdict(set)
    for item in truth["items"].values():
        if item["text_group"]:
            authors[item["text_group"]].add(item["author_account"])
    big = [campaign for campaign, accounts in authors.items() if len(accounts) >= 5]
    assert big
    for campaign_id in big:
        campaign = truth["campaigns"][campaign_id]
        assert authors[campaign_id] <= set(campaign["accounts"])
        assert len(set(campaign["accounts"])) == len(campaign["accounts"]) >= 5
        assert campaign["from"] <= campaign["to"]
    texts = defaultdict(set)
    for key, items in truth["report_items"].items():
        for entry, item in zip(by_key[key].get("content", []), items):
            group = truth["items"][item]["text_group"]
            if group and "text" in entry:
                texts[group].add(entry["text"])
    assert all(len(found) == 1 for found in texts.values())
    assert all(texts[campaign_id] == {truth["campaigns"][campaign_id]["text"]} for campaign_id in texts)


def test_direct_messages_come_without_urls_but_with_the_details(data, by_key):
    dms = [entry for key, items in data.truth["report_items"].items()
           for entry, item in zip(by_key[key].get("content", []), items)
           if data.truth["items"][item]["kind"] == "direct_message"]
    assert len(dms) > 50
    for entry in dms:
        assert "url" not in entry
        assert {"platform", "author_handle", "text", "posted_at"} <= set(entry)


def test_some_reporters_are_anonymous_and_give_nothing_to_contact(data):
    anonymous = [report["reporter"] for report in data.reports if report["reporter"].get("anonymous")]
    assert len(anonymous) >= 10
    for reporter in anonymous:
        assert reporter["contact_consent"] is False
        assert not {"name", "email", "phone", "postcode"} & set(reporter)


def test_some_victims_live_abroad_without_a_postcode(data):
    abroad = []
    for report in data.reports:
        for victim in report.get("victims", []):
            place = report["reporter"] if victim.get("same_as_reporter") else victim
            if place.get("country", "GB") != "GB":
                abroad.append(place)
    assert len(abroad) >= 10
    assert not any("postcode" in place for place in abroad)


def test_resubmissions_repeat_the_same_material_from_the_same_person(data, by_key):
    truth = data.truth
    assert len(truth["resubmissions"]) >= 5
    reporter_of = {key: person for person, keys in truth["complainants"].items() for key in keys}
    for first, second in truth["resubmissions"]:
        assert first != second
        assert truth["report_items"][first] == truth["report_items"][second]
        assert reporter_of[first] == reporter_of[second]
        assert when(by_key[first]["received_at"]) <= when(by_key[second]["received_at"])


def test_repeat_complainants_retype_their_details_with_slips(data, by_key):
    varied = 0
    for keys in data.truth["complainants"].values():
        if len(keys) < 2:
            continue
        seen = {(by_key[key]["reporter"].get("name"), by_key[key]["reporter"].get("email"),
                 by_key[key]["reporter"].get("postcode")) for key in keys}
        varied += len(seen) > 1
    assert varied >= 5


def test_perpetrators_run_several_accounts_with_related_handles(data):
    truth = data.truth
    by_person = defaultdict(list)
    for account in truth["accounts"].values():
        assert account["handle"] == account["handle"].lower() and not account["handle"].startswith("@")
        by_person[account["person"]].append(account)
    assert sum(1 for accounts in by_person.values() if len(accounts) >= 2) >= 10
    assert sum(1 for accounts in by_person.values() if len({a["platform"] for a in accounts}) >= 2) >= 5


def test_suspect_details_sometimes_give_a_name_email_and_postcode(data):
    suspects = [suspect for report in data.reports for suspect in report.get("suspects", [])]
    assert any("email" in suspect for suspect in suspects)
    assert any("name" in suspect and suspect.get("known_to_victim") for suspect in suspects)
    assert any(re.fullmatch(r"[A-Za-z]{1,2}\d[A-Za-z\d]? ?\d[A-Za-z]{2}", suspect.get("location", ""))
               for suspect in suspects)


def test_indicators_agree_with_the_words_of_the_material(data, by_key):
    for key, items in data.truth["report_items"].items():
        report = by_key[key]
        texts = " ".join(entry.get("text", "") for entry in report.get("content", []))
        indicators = report.get("indicators", {})
        if "[threat to kill" in texts:
            assert indicators.get("threat_to_kill") and indicators.get("threat_of_violence"), key
        if indicators.get("threat_to_kill"):
            assert indicators.get("threat_of_violence"), key


# The truth


def test_truth_accounts_for_every_report_and_item(data, by_key):
    truth = data.truth
    assert truth["seed"] == 11 and truth["n_reports"] == N
    assert set(truth["report_items"]) == set(by_key) == set(truth["owning_force"])
    for key, items in truth["report_items"].items():
        assert len(items) == len(by_key[key].get("content", []))
        assert all(item in truth["items"] for item in items)
    for item in truth["items"].values():
        assert item["author_account"] in truth["accounts"]
        assert truth["accounts"][item["author_account"]]["platform"] == item["platform"]
    for account in truth["accounts"].values():
        assert account["person"] in truth["persons"]
    for campaign in truth["campaigns"].values():
        assert all(account in truth["accounts"] for account in campaign["accounts"])
        assert campaign["victim"] is None or campaign["victim"] in truth["persons"]
    for person, keys in truth["complainants"].items():
        assert person in truth["persons"] and all(key in by_key for key in keys)


def test_duplicate_groups_partition_reports_by_shared_items_and_resubmissions(data):
    truth = data.truth
    group_of = {}
    for number, group in enumerate(truth["duplicate_groups"]):
        assert group == sorted(group)
        for key in group:
            assert key not in group_of, key
            group_of[key] = number
    assert set(group_of) == set(truth["report_items"])
    first_report = {}
    for key, items in truth["report_items"].items():
        for item in items:
            assert group_of[first_report.setdefault(item, key)] == group_of[key]
    for first, second in truth["resubmissions"]:
        assert group_of[first] == group_of[second]
    assert any(len(group) == 1 for group in truth["duplicate_groups"])
    assert any(len(group) >= 10 for group in truth["duplicate_groups"])


def test_owning_force_follows_the_default_policy(data, by_key):
    district_force = load_places().district_force
    owners = data.truth["owning_force"]
    for key, report in by_key.items():
        assert owners[key] == expected_owning_force(report, district_force)
        assert owners[key] == HUB or owners[key] in FORCES
    counts = Counter(owners.values())
    assert counts[HUB] < 0.8 * N
    assert len(counts) >= 20


POLICY_CASES = [
    ("victim's home force", {"reporter": {"role": "victim", "postcode": "ls6 2ab"},
                             "victims": [{"same_as_reporter": True}],
                             "suspects": [{"location": "B15 2TT"}]}, "E23000010"),
    ("first victim decides", {"reporter": {"role": "witness"},
                              "victims": [{"name": "A", "postcode": "CF10 1AA"}, {"name": "B", "postcode": "M1 1AA"}]},
     "W15000003"),
    ("victim abroad, suspect's force", {"reporter": {"role": "victim", "country": "IE"},
                                        "victims": [{"same_as_reporter": True}],
                                        "suspects": [{"location": "Rotherham"}, {"location": "B15 2TT"}]},
     "E23000014"),
    ("suspect abroad does not count", {"reporter": {"role": "witness"}, "victims": [],
                                       "suspects": [{"location": "B15 2TT", "country": "IE"}]}, HUB),
    ("straddling district is not a location", {"reporter": {"role": "victim", "postcode": "TD15 1AA"},
                                               "victims": [{"same_as_reporter": True}]}, HUB),
    ("neither located", {"reporter": {"role": "organisation"}, "victims": []}, HUB),
]


@pytest.mark.parametrize("case, report, owner", POLICY_CASES, ids=[case[0] for case in POLICY_CASES])
def test_owning_force_policy_cases(case, report, owner):
    assert expected_owning_force(report, load_places().district_force) == owner


# The postcode district table


def test_district_table_covers_every_force_with_districts_wholly_inside():
    wholly = Counter(row["force_code"] for row in DISTRICT_ROWS if row["straddles"] == "false")
    assert set(wholly) == set(FORCES)
    assert min(wholly.values()) >= 3
    for row in DISTRICT_ROWS:
        assert FORCES[row["force_code"]] == row["force_name"], row
        assert row["straddles"] in ("true", "false")
        assert re.fullmatch(r"[A-Z]{1,2}\d[A-Z\d]?", row["district"]), row
    assert len({row["district"] for row in DISTRICT_ROWS}) == len(DISTRICT_ROWS)
    assert sum(row["straddles"] == "true" for row in DISTRICT_ROWS) >= 5


def test_generated_uk_postcodes_lie_in_non_straddling_districts(data):
    district_force = load_places().district_force
    postcodes = [report["reporter"]["postcode"] for report in data.reports if "postcode" in report["reporter"]]
    postcodes += [victim["postcode"] for report in data.reports for victim in report.get("victims", [])
                  if "postcode" in victim]
    assert len(postcodes) > 500
    assert all(force_of_postcode(postcode, district_force) for postcode in postcodes)
