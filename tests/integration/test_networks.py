"""Campaigns, communities and repeat offenders written back into the graph, and their exports."""

from __future__ import annotations

import json

from graph.intake import ingest
from graph.networks import campaign_items, campaign_members, run_all, top_offenders
from graph.port import GraphPort
from loaders.validation import validate_report
from tests import factories as f

WORDS = "send them all back where they came from"


def _pile_on(port: GraphPort, accounts: int, *, minutes_apart: int) -> None:
    victim = f.victim_reporter("Priya Shah", "priya@example.org")
    for n in range(accounts):
        minute = n * minutes_apart
        ingest(port, [(validate_report(f.report(
            f"P-{n}", **victim,
            content=[f.post(f"https://x.com/acc_{n}/status/{4000000000000000000 + n}", handle=f"acc_{n}", text=WORDS,
                            posted_at=f"2026-10-01T{10 + minute // 60:02d}:{minute % 60:02d}:00+00:00")],
        )), None)])


def _rows(port: GraphPort, kind: str) -> list[dict]:
    return [row for row in port.read("testing/network_overview") if row["kind"] == kind]


def test_pile_on_and_copy_paste_become_one_campaign(graph: GraphPort) -> None:
    _pile_on(graph, 6, minutes_apart=10)
    summary = run_all(graph)
    assert summary.campaigns == 1
    [campaign] = _rows(graph, "campaign")
    assert campaign["detail"] == "both" and len(campaign["members"]) == 6
    assert any("distinct accounts" in line for line in campaign["evidence"])
    [exported] = campaign_members(graph)
    assert {account["handle"] for account in exported["accounts"]} == {f"acc_{n}" for n in range(6)}


def test_a_bundled_report_with_times_and_authors_missing_is_one_campaign_with_a_later_witness(graph: GraphPort) -> None:
    content = [
        {"platform": "X", "url": f"https://x.com/acc_{n}/status/{4200000000000000000 + n}", "kind": "reply"}
        for n in range(6)
    ]
    for n in (0, 1, 2, 3, 5):
        content[n]["author_handle"] = f"acc_{n}"
    content[4]["url"] = f"https://x.com/i/status/{4200000000000000004}"  # the fifth reply's author is not given
    for n in (0, 1):
        content[n].update(posted_at=f"2026-10-01T10:{10 * n:02d}:00+00:00", text=WORDS)
    witness = f.post("https://x.com/acc_6/status/4200000000000000099", handle="acc_6", text=WORDS, kind="reply")
    # A report a year earlier, so that how often words turn up by chance is measured over a year.
    earlier = f.post("https://x.com/someone/status/4100000000000000001", handle="someone", text="unrelated words",
                     posted_at="2025-10-01T10:00:00+00:00")
    ingest(graph, [(validate_report(record), None) for record in (
        f.report("A-1", content=[earlier], received_at="2025-10-01T12:00:00+00:00"),
        f.report("B-1", **f.victim_reporter("Priya Shah", "priya@example.org"), content=content,
                 received_at="2026-10-01T12:00:00+00:00"),
        f.report("W-1", content=[witness], received_at="2026-10-01T15:00:00+00:00"),
    )])
    assert run_all(graph).campaigns == 1
    [row] = campaign_items(graph)
    assert len(row["items"]) == 7, "every reply, the undated and unattributed ones and the witness's too"
    [campaign] = _rows(graph, "campaign")
    assert sorted(campaign["members"]) == [f"x:acc_{n}" for n in (0, 1, 2, 3, 5, 6)]
    assert any("reported separately joined: the same words" in line for line in campaign["evidence"])


def test_spread_out_posts_are_no_campaign(graph: GraphPort) -> None:
    ingest(graph, [(validate_report(f.report(
        f"S-{n}", content=[f.post(f"https://x.com/acc_{n}/status/{5000000000000000000 + n}", handle=f"acc_{n}",
                                  text=f"an unrelated message number {n} about nothing in particular",
                                  posted_at=f"2026-0{1 + n}-01T10:00:00+00:00")],
    )), None) for n in range(6)])
    assert run_all(graph).campaigns == 0


def test_accounts_get_community_and_offender_rank_with_evidence(graph: GraphPort) -> None:
    _pile_on(graph, 6, minutes_apart=10)
    ingest(graph, [(validate_report(f.report(
        "P-extra", **f.victim_reporter("Tom Lee", "tom@example.org"),
        content=[f.post("https://x.com/acc_0/status/4100000000000000000", handle="acc_0", text="another message for another victim entirely")],
    )), None)])
    run_all(graph)
    accounts = {row["id"]: row for row in _rows(graph, "account")}
    assert set(accounts) >= {f"x:acc_{n}" for n in range(6)}
    assert len({row["detail"] for row in accounts.values() if row["id"] != "x:acc_0"}) == 1, "co-targeting accounts share a community"
    [top] = [row for row in top_offenders(graph, limit=1) if row["kind"] == "account"]
    assert top["subject"] == "x:acc_0", "the account with two victims ranks first"
    assert "2 distinct victims" in top["evidence"][0]
    assert json.dumps(top["evidence"])
