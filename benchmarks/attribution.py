"""Attribution of accounts to people, and repeat complainants, against the generator's ground truth.

Run: `.venv/bin/python -m benchmarks.attribution --reports 10000 [--seed 5] [--threshold 0.95]`.

Generates the data set once (cached under benchmarks/results/data), loads it into a fresh embedded Neo4j,
runs `hub attribute` (graph.attribution.service.attribute) and prints, as JSON:
- accounts: pairwise precision, recall and F1 of "these two accounts have one person behind them" against the
  truth's `accounts` (matched by platform and handle; accounts the truth does not know, such as a display name
  typed where the handle belongs, are left out of the scores), plus the same at other thresholds from the one
  model, to show the trade-off;
- complainants: pairwise precision, recall and F1 of the reports grouped by resolved complainant against the
  truth's `complainants` (reports of one real, named reporter);
- timings of loading and attribution.
"""

from __future__ import annotations

import argparse
import json
import time
from collections import defaultdict
from pathlib import Path

from benchmarks.support import generated_data, pairwise_scores, throwaway_neo4j
from graph.attribution import service
from graph.port import GraphPort, Row
from loaders.load import load_files
from loaders.normalise import normalise_platform

TRADE_OFF = (0.7, 0.8, 0.9, 0.99)


def account_scores(exported: list[Row], truth: dict) -> dict:
    """Pairwise scores of the exported persons' accounts against the truth's account owners."""
    owner = {(normalise_platform(entry["platform"]), entry["handle"].lower()): entry["person"]
             for entry in truth["accounts"].values()}  # fmt: skip
    predicted, seen = [], set()
    for row in exported:
        known = []
        for account in row["accounts"]:
            key = (normalise_platform(account["platform"]) or account["platform"], account["handle"])
            if key in owner and key not in seen:
                seen.add(key)
                known.append("|".join(key))
        predicted.append(known)
    true_groups: dict[str, list[str]] = defaultdict(list)
    for key in seen:
        true_groups[owner[key]].append("|".join(key))
    scores = pairwise_scores(predicted, true_groups.values())
    return {**scores, "accounts_scored": len(seen)}


def complainant_scores(port: GraphPort, truth: dict) -> dict:
    """Pairwise scores of reports grouped by resolved complainant against the truth's complainants."""
    rows = port.read("attribution/export_people", role="complainant")
    key_of = {row["report"]: f"{row['source']}|{row['reference']}" for row in port.read("attribution/report_keys")}
    predicted = [[key_of[report] for report in row["reports"] if report in key_of] for row in rows]
    grouped = {key for group in predicted for key in group}
    truth_groups = list(truth["complainants"].values())
    singles = [[key] for group in truth_groups for key in group if key not in grouped]
    return pairwise_scores(predicted + singles, truth_groups)


def trade_off(port: GraphPort, truth: dict) -> dict:
    """Pairwise account scores at other link thresholds (the model re-estimated each time)."""
    figures = {}
    for threshold in TRADE_OFF:
        service.attribute(port, threshold=threshold, with_people=False)
        scores = account_scores(service.export_attributions(port), truth)
        figures[str(threshold)] = {name: round(scores[name], 4) for name in ("precision", "recall", "f1")}
    return figures


def measure(n_reports: int, seed: int, threshold: float, batch_size: int, with_trade_off: bool) -> dict:
    """Load one generated data set into a fresh Neo4j, attribute, and score against the truth."""
    folder = generated_data(n_reports, seed)
    truth = json.loads((folder / "truth.json").read_text())
    figures: dict = {"reports": n_reports, "seed": seed, "threshold": threshold}
    with throwaway_neo4j() as settings, GraphPort(settings) as port:
        started = time.perf_counter()
        load_files(port, [folder / "reports.jsonl"], rejects=folder / "rejects.csv", batch_size=batch_size)
        figures["load_s"] = round(time.perf_counter() - started, 1)
        started = time.perf_counter()
        summary = service.attribute(port, threshold=threshold, batch_size=batch_size)
        figures["attribute_s"] = round(time.perf_counter() - started, 1)
        figures["summary"] = {key: value for key, value in summary.__dict__.items() if key != "training"}
        figures["training"] = summary.training.__dict__ if summary.training else None
        figures["accounts"] = account_scores(service.export_attributions(port), truth)
        figures["complainants"] = complainant_scores(port, truth)
        if with_trade_off:
            figures["accounts_by_threshold"] = trade_off(port, truth)
    return figures


def main() -> None:
    """Parse the command line, measure, print JSON."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--reports", type=int, default=10000)
    parser.add_argument("--seed", type=int, default=5)
    parser.add_argument("--threshold", type=float, default=service.THRESHOLD)
    parser.add_argument("--batch-size", type=int, default=500)
    parser.add_argument("--no-trade-off", action="store_true", help="skip the scores at other thresholds")
    parser.add_argument("--out", type=Path, help="also write the figures to this JSON file")
    args = parser.parse_args()
    figures = measure(args.reports, args.seed, args.threshold, args.batch_size, not args.no_trade_off)
    text = json.dumps(figures, indent=2, default=str)
    print(text)
    if args.out:
        args.out.write_text(text + "\n")


if __name__ == "__main__":
    main()
