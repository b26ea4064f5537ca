"""Duplicate detection against ground truth, and its cost as the graph grows.

Run: `.venv/bin/python -m benchmarks.dedupe --reports 10000 [--reports 100000 ...] [--seed 5]`.

For each size, in a fresh embedded Neo4j: load the generated reports (online dedupe at intake), all but the
last 1,000; then load those 1,000 and time them (the online cost per report with N already in the graph);
export the cases and score them against the generator's truth (pairwise precision, recall, F1; B-cubed);
count merges of copy-paste items posted by different accounts (must be zero); then run the batch
recompute (`hub dedupe`), time it, and check it gives the same cases as the online path.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import time
from collections import Counter, defaultdict
from datetime import datetime
from itertools import combinations, islice
from pathlib import Path

from networkx.utils import UnionFind

from benchmarks.support import bcubed, generated_data, pairwise_scores, peak_rss_mb, throwaway_neo4j
from graph.dedupe.batch import recompute
from graph.dedupe.cases import export_cases
from graph.port import GraphPort
from graph.dedupe.rules import POLICY
from loaders.contract import ReportIn
from loaders.intake_rows import report_id, rows_for
from loaders.load import load_files

ONLINE_SAMPLE = 1000


def _split(reports: Path, n_reports: int, folder: Path) -> tuple[Path, Path]:
    head, tail = folder / "head.jsonl", folder / "tail.jsonl"
    with reports.open() as source, head.open("w") as first, tail.open("w") as last:
        for number, line in enumerate(source):
            (first if number < n_reports - ONLINE_SAMPLE else last).write(line)
    return head, tail


def _key(entry: dict) -> str:
    return f"{entry['source']}|{entry['reference']}"


def _node_id(key: str) -> str:
    """The Report node id of a truth key `source|reference`."""
    return report_id(*key.split("|", 1))


def _groups_by_node(truth: dict) -> dict[str, int]:
    """Each report's true duplicate group, by Report node id."""
    return {_node_id(key): index for index, group in enumerate(truth["duplicate_groups"]) for key in group}


def _copy_paste_merges(cases: list[list[str]], truth: dict) -> int:
    """Pairs put in one case whose only tie in the truth is the same copied text by different accounts."""
    true_group = {key: index for index, group in enumerate(truth["duplicate_groups"]) for key in group}
    text_of = {}
    for key, items in truth["report_items"].items():
        groups = {truth["items"][item]["text_group"] for item in items if truth["items"][item].get("text_group")}
        text_of[key] = groups
    merges = 0
    for members in cases:
        for index, first in enumerate(members):
            for second in islice(members, index + 1, None):
                if true_group.get(first) != true_group.get(second) and text_of.get(first, set()) & text_of.get(second, set()):
                    merges += 1
    return merges


TIES = ("url", "no_url", "message")  # strongest first
MESSAGE_KINDS = ("direct_message", "group_message")


def _mentions(reports: Path, truth: dict) -> tuple[set[tuple[str, str]], dict[tuple[str, str], tuple]]:
    """Each report's mention of each true item as intake reads it (`_mention`), keyed (report, item), and the
    mentions pasted with a URL."""
    with_url: set[tuple[str, str]] = set()
    facts: dict[tuple[str, str], tuple] = {}
    with reports.open() as source:
        for line in source:
            record = json.loads(line)
            key = _key(record)
            received = datetime.fromisoformat(record["received_at"]).timestamp()
            rows = rows_for(ReportIn.model_validate(record)).items if record.get("content") else []
            for item, content, row in zip(truth["report_items"].get(key, []), record.get("content", []), rows):
                if content.get("url"):
                    with_url.add((key, item))
                facts[(key, item)] = _mention(row, received)
    return with_url, facts


def _direct_ties(with_url: set[tuple[str, str]], facts: dict[tuple[str, str], tuple],
                 truth: dict) -> tuple[dict[tuple[str, str], str], dict[tuple[str, str], str]]:
    """Each pair of reports the truth ties directly, and how.

    `url`: both give the item they share with its URL; `no_url`: one gives it without (matched by account and
    time, or not at all); `message`: a direct or group message one gives without URL (offered for review,
    never merged blind); `resubmission`: the same person sending the same material again. Pairs tied only
    through a third report are left out. Also returned: for each `no_url` pair, what its reports lack that the
    rules need (`_lacking`).
    """
    reporters: dict[str, list[str]] = defaultdict(list)
    for key, items in truth["report_items"].items():
        for item in set(items):
            reporters[item].append(key)
    ties: dict[tuple[str, str], str] = {}
    lacking: dict[tuple[str, str], str] = {}
    for item, keys in reporters.items():
        message = truth["items"][item]["kind"] in MESSAGE_KINDS
        for first, second in combinations(sorted(keys), 2):
            both = (first, item) in with_url and (second, item) in with_url
            tie = "url" if both else "message" if message else "no_url"
            known = ties.get((first, second))
            if known is None or TIES.index(tie) < TIES.index(known):
                ties[(first, second)] = tie
                if tie == "no_url":
                    lacking[(first, second)] = _lacking(facts[(first, item)], facts[(second, item)])
    for first, later in truth["resubmissions"]:
        ties.setdefault((min(first, later), max(first, later)), "resubmission")
    return ties, lacking


def _identifiable_groups(facts: dict[tuple[str, str], tuple], truth: dict) -> list[list[str]]:
    """The true duplicate groups as far as the reports themselves can show them.

    Two reports are tied when each names the item they share by a URL, a poster (as intake reads it: given,
    in the URL, or the report's one suspect on the platform) or the time it was posted, or when one resubmits
    the other; ties are followed through other reports. A mention giving none of these (a platform, perhaps
    a kind or words) ties nothing, nor does a message without a URL, which the rules only offer for review.
    Each true group splits into the parts so tied: the pairs within those parts are about the most any rule
    reading the reports could put together without guessing which item a vague mention meant. The count is
    generous to the rules: a poster or a time counts even when the account or the minute had several items.
    """
    tied = UnionFind()
    first_naming: dict[str, str] = {}
    for (key, item), (has_url, has_poster, _, _, has_time) in facts.items():
        if has_url or ((has_poster or has_time) and truth["items"][item]["kind"] not in MESSAGE_KINDS):
            tied.union(key, first_naming.setdefault(item, key))
    for first, later in truth["resubmissions"]:
        tied.union(first, later)
    parts: dict[str, list[str]] = defaultdict(list)
    for group in truth["duplicate_groups"]:
        for key in group:
            parts[tied[key]].append(key)
    return list(parts.values())


def _mention(row: dict, received: float) -> tuple[bool, bool, str | None, float, bool]:
    """What one report gave about an item, as intake reads it: a URL, a poster (given, in the URL, or the
    report's one suspect on the platform), the kind it gave, when it came, and whether it gave a posting time."""
    return row["has_url"], row["author"] is not None, row["given_kind"], received, row["posted_at"] is not None


def _lacking(first: tuple, second: tuple) -> str:
    """Why the rules cannot tie two mentions of one item, one without a URL, or 'nothing' when they could."""
    bare, other = (first, second) if not first[0] else (second, first)
    if not bare[1]:
        return "the mention without a URL names no poster" + (", gives a posting time" if bare[4] else " nor posting time")
    if not other[1]:
        return "the other names no poster"
    if bare[2] in (None, "other"):
        return "the mention without a URL gives no kind (or 'other')"
    if abs(bare[3] - other[3]) > POLICY.post_window.total_seconds():
        return f"reported more than {POLICY.post_window.total_seconds() / 3600:.0f} h apart"
    return "nothing (another fitting item of the account, other kinds, or no link yet)"


def _missed_by_lack(ties: dict[tuple[str, str], str], lacking: dict[tuple[str, str], str],
                    cases: list[list[str]]) -> dict[str, int]:
    """The no_url pairs the cases miss, by what their reports lack."""
    case_of = {key: index for index, members in enumerate(cases) for key in members}
    missed = Counter(lacking[pair] for pair, tie in ties.items()
                     if tie == "no_url" and case_of.get(pair[0]) != case_of.get(pair[1]))
    return dict(missed.most_common())


def _recall_by_tie(ties: dict[tuple[str, str], str], cases: list[list[str]]) -> dict[str, dict]:
    """Recall of the directly tied pairs, by how they are tied: which kind of evidence the rules miss."""
    case_of = {key: index for index, members in enumerate(cases) for key in members}
    total: Counter[str] = Counter(ties.values())
    together: Counter[str] = Counter(tie for (first, second), tie in ties.items()
                                     if first in case_of and case_of[first] == case_of.get(second))
    return {tie: {"pairs": total[tie], "recall": together[tie] / total[tie]} for tie in sorted(total)}


def _links(rows: list[dict]) -> set[tuple[str, str, str]]:
    return {(row["later"], row["earlier"], row["rule"]) for row in rows}


def _links_by_rule(rows: list[dict], group_of: dict[str, int]) -> dict[str, dict[str, int]]:
    """Each rule's links, by rule and score band (0.1 wide): how many were made, and how many join reports the
    truth keeps apart."""
    tally: dict[str, Counter] = defaultdict(Counter)
    for row in rows:
        counts = tally[f"{row['rule']} {int(row['score'] * 10) / 10:.1f}+"]
        counts["made"] += 1
        later, earlier = group_of.get(row["later"]), group_of.get(row["earlier"])
        counts["wrong"] += later is not None and earlier is not None and later != earlier
    return {rule: dict(counts) for rule, counts in sorted(tally.items())}


def _wrong_links(port: GraphPort, links: set[tuple[str, str, str]], cases: list[list[str]],
                 group_of: dict[str, int], shown: int = 12) -> dict:
    """The links joining reports the truth keeps apart: by rule, and the worst, with their evidence.

    A link's cost is the false pairs it makes: the product of the sizes of the two true groups it joins
    within the predicted case (one wrong link between two large groups costs thousands of pairs).
    """
    sizes = Counter(group_of.values())
    wrong = [(sizes[group_of[later]] * sizes[group_of[earlier]], later, earlier, rule)
             for later, earlier, rule in links
             if later in group_of and earlier in group_of and group_of[later] != group_of[earlier]]
    wrong.sort(reverse=True)
    by_rule = Counter(rule for _, _, _, rule in wrong)
    worst = [[later, earlier] for _, later, earlier, _ in wrong[:shown]]
    evidence = {(row["later"], row["earlier"], row["rule"]): row for row in
                port.read("benchmarks/duplicate_link_evidence", pairs=worst)} if worst else {}
    case_size = {_node_id(key): len(members) for members in cases for key in members}
    return {
        "by_rule": dict(by_rule),
        "worst": [{"cost": cost, "later": later, "earlier": earlier, "rule": rule, "case_size": case_size.get(later),
                   "evidence": (evidence.get((later, earlier, rule)) or {}).get("evidence")}
                  for cost, later, earlier, rule in wrong[:shown]],
    }


def _suggestions(port: GraphPort, cases: list[list[str]], group_of: dict[str, int]) -> dict:
    """Pairs offered for review, by rule: how many, how many the truth calls duplicates, and how many of those
    the cases already hold together (the rest is what an analyst's confirmation would add)."""
    case_of = {_node_id(key): index for index, members in enumerate(cases) for key in members}
    found: dict[str, Counter] = defaultdict(Counter)
    for row in port.read("benchmarks/suggestions_by_rule"):
        later, earlier, tally = row["later"], row["earlier"], found[row["rule"]]
        tally["offered"] += 1
        if group_of.get(later) is not None and group_of.get(later) == group_of.get(earlier):
            tally["right"] += 1
            tally["already together"] += case_of.get(later) == case_of.get(earlier)
    return {rule: dict(tally) for rule, tally in sorted(found.items())}


def _link_differences(online: set[tuple[str, str, str]], batch: set[tuple[str, str, str]]) -> tuple[dict, dict]:
    """Count, by rule, the duplicate links only one path made: where the two paths part."""
    only_online = Counter(rule for _, _, rule in online - batch)
    only_batch = Counter(rule for _, _, rule in batch - online)
    return dict(only_online), dict(only_batch)


def measure(n_reports: int, seed: int, batch_size: int) -> dict:
    """Run the whole measurement for one size and return its figures."""
    folder = generated_data(n_reports, seed)
    truth = json.loads((folder / "truth.json").read_text())
    head, tail = _split(folder / "reports.jsonl", n_reports, folder)
    figures: dict = {"reports": n_reports}
    with throwaway_neo4j() as settings, GraphPort(settings) as port:
        started = time.perf_counter()
        load_files(port, [head], rejects=folder / "rejects.csv", batch_size=batch_size)
        figures["intake_s"] = time.perf_counter() - started
        started = time.perf_counter()
        load_files(port, [tail], rejects=folder / "rejects.csv", batch_size=batch_size)
        figures["online_ms_per_report"] = (time.perf_counter() - started) * 1000 / ONLINE_SAMPLE

        online = [[_key(entry) for entry in row["reports"]] for row in export_cases(port)]
        figures["pairwise"] = pairwise_scores(online, truth["duplicate_groups"])
        figures["bcubed"] = bcubed(online, truth["duplicate_groups"])
        figures["copy_paste_merges"] = _copy_paste_merges(online, truth)
        with_url, facts = _mentions(folder / "reports.jsonl", truth)
        ties, lacking = _direct_ties(with_url, facts, truth)
        identifiable = _identifiable_groups(facts, truth)
        figures["identifiable"] = {
            "pairs": pairwise_scores(identifiable, truth["duplicate_groups"])["predicted_pairs"],
            "recall": pairwise_scores(online, identifiable)["recall"],
        }
        del with_url, facts, identifiable
        figures["recall_by_tie"] = _recall_by_tie(ties, online)
        figures["missed_no_url"] = _missed_by_lack(ties, lacking, online)

        link_rows = port.read("benchmarks/duplicate_links_by_rule")
        online_links = _links(link_rows)
        group_of = _groups_by_node(truth)
        figures["links_by_rule"] = _links_by_rule(link_rows, group_of)
        del link_rows
        figures["wrong_links"] = _wrong_links(port, online_links, online, group_of)
        figures["suggestions"] = _suggestions(port, online, group_of)
        started = time.perf_counter()
        summary = recompute(port)
        figures["batch_s"] = time.perf_counter() - started
        figures["batch_ms_per_report"] = figures["batch_s"] * 1000 / n_reports
        batch = [[_key(entry) for entry in row["reports"]] for row in export_cases(port)]
        figures["batch_equals_online"] = sorted(map(sorted, batch)) == sorted(map(sorted, online))
        figures["cases"] = summary.cases
        batch_links = _links(port.read("benchmarks/duplicate_links_by_rule"))
        figures["links_only_online"], figures["links_only_batch"] = _link_differences(online_links, batch_links)
    figures["peak_rss_mb"] = peak_rss_mb()
    return figures


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--reports", type=int, action="append", help="size(s) to measure (default 10000)")
    parser.add_argument("--seed", type=int, default=5)
    parser.add_argument("--batch-size", type=int, default=1000)
    parser.add_argument("--child", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        print(json.dumps(measure(args.reports[0], args.seed, args.batch_size)))
        return
    for n_reports in args.reports or [10_000]:
        # Each size in its own process, so that its peak memory is its own.
        child = subprocess.run(
            [sys.executable, "-m", "benchmarks.dedupe", "--child", "--reports", str(n_reports),
             "--seed", str(args.seed), "--batch-size", str(args.batch_size)],
            capture_output=True, text=True, check=True,
        )
        figures = json.loads(child.stdout.strip().splitlines()[-1])
        pair, cube = figures["pairwise"], figures["bcubed"]
        print(
            f"{n_reports:>9,} reports | pairwise P {pair['precision']:.4f} R {pair['recall']:.4f} F1 {pair['f1']:.4f} "
            f"| B-cubed P {cube['precision']:.4f} R {cube['recall']:.4f} | copy-paste merges {figures['copy_paste_merges']} "
            f"| intake {figures['intake_s']:.1f}s | online {figures['online_ms_per_report']:.2f} ms/report at N "
            f"| batch {figures['batch_s']:.1f}s = {figures['batch_ms_per_report']:.3f} ms/report "
            f"| batch == online: {figures['batch_equals_online']} | peak RSS {figures['peak_rss_mb']:.0f} MB",
            flush=True,
        )
        print("          recall of directly tied pairs, by tie: " + "; ".join(
            f"{tie} {share['recall']:.4f} ({share['pairs']:,} pairs)" for tie, share in figures["recall_by_tie"].items()),
            flush=True)
        shown = figures["identifiable"]
        print(f"          pairs the reports tie by naming the item (a URL, a poster or a posting time on each side, or a resubmission): "
              f"{shown['pairs']:,} of {pair['true_pairs']:,} true pairs ({shown['pairs'] / pair['true_pairs']:.4f}); "
              f"recall of those pairs {shown['recall']:.4f}", flush=True)
        print("          no_url pairs missed, by what their reports lack: " + "; ".join(
            f"{reason} {count:,}" for reason, count in figures["missed_no_url"].items()), flush=True)
        print("          links made, by rule and score (wrong: joining reports the truth keeps apart): " + "; ".join(
            f"{rule} {tally['made']:,} ({tally.get('wrong', 0):,} wrong)"
            for rule, tally in figures["links_by_rule"].items()), flush=True)
        print("          offered for review, by rule: " + "; ".join(
            f"{rule} {tally.get('offered', 0):,} ({tally.get('right', 0):,} right, {tally.get('already together', 0):,} "
            f"of them already in one case)" for rule, tally in figures["suggestions"].items()), flush=True)
        wrong = figures["wrong_links"]
        if wrong["by_rule"]:
            print(f"          links joining reports the truth keeps apart, by rule: {wrong['by_rule']}; worst:", flush=True)
            for link in wrong["worst"]:
                print(f"            {link['cost']:>7,} false pairs | {link['rule']} {link['later']} -> {link['earlier']} "
                      f"(case of {link['case_size']}) | {link['evidence']}", flush=True)
        if figures["links_only_online"] or figures["links_only_batch"]:
            print(f"          links only online, by rule: {figures['links_only_online']}; "
                  f"only batch: {figures['links_only_batch']}", flush=True)


if __name__ == "__main__":
    main()
