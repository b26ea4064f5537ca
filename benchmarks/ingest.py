"""Intake speed and memory: `hub load` end to end against the plainest batched UNWIND ... MERGE.

Run: `.venv/bin/python -m benchmarks.ingest [--reports 10000 --reports 100000] [--seed 3] [--batch-size 1000]`.

For each size, two runs, each in its own process (so peak memory is its own) on its own fresh embedded Neo4j:
- **ours**: `loaders.load.load_files`, everything a real load does: read and validate every record, normalise,
  check exactly-once (existing reports and their hashes), write, and combine duplicates online (rules,
  cases, series, text groups) in the same transaction per batch, with reading one batch ahead;
- **baseline**: the plainest way to write the same intake nodes and relationships through the driver:
  `json.loads`, the contract model, the same row building, and the same `UNWIND $rows ... MERGE` queries
  (`cypher/intake/`), one transaction per batch; no exactly-once check and no duplicate detection.
It prints reports per second, the time ratio ours/baseline, and each process's peak resident memory.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import time
from pathlib import Path

from benchmarks.support import generated_data, peak_rss_mb, throwaway_neo4j
from graph.intake import write_rows
from graph.port import GraphPort, batched
from loaders.contract import ReportIn
from loaders.intake_rows import IntakeRows, rows_for
from loaders.load import load_files


def run_ours(reports: Path, batch_size: int) -> dict:
    """Load the file the way `hub load` does."""
    with throwaway_neo4j() as settings, GraphPort(settings) as port:
        started = time.perf_counter()
        summary = load_files(port, [reports], rejects=reports.with_name("bench.rejects.csv"), batch_size=batch_size)
        elapsed = time.perf_counter() - started
    return {"seconds": elapsed, "created": summary.created, "peak_rss_mb": peak_rss_mb()}


def run_baseline(reports: Path, batch_size: int) -> dict:
    """Write the same intake rows with plain batched UNWIND ... MERGE, one transaction per batch."""
    with throwaway_neo4j() as settings, GraphPort(settings) as port:
        started = time.perf_counter()
        written = 0
        with reports.open(encoding="utf-8") as lines:
            for batch in batched(lines, batch_size):
                rows = IntakeRows()
                for line in batch:
                    rows.extend(rows_for(ReportIn.model_validate(json.loads(line))))
                port.write_unit(lambda tx: write_rows(tx, rows))
                written += len(batch)
        elapsed = time.perf_counter() - started
    return {"seconds": elapsed, "created": written, "peak_rss_mb": peak_rss_mb()}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--reports", type=int, action="append", help="size(s) (default 10000 and 100000)")
    parser.add_argument("--seed", type=int, default=3)
    parser.add_argument("--batch-size", type=int, default=1000)
    parser.add_argument("--child", choices=("ours", "baseline"), help=argparse.SUPPRESS)
    args = parser.parse_args()
    sizes = args.reports or [10_000, 100_000]
    if args.child:
        reports = generated_data(sizes[0], args.seed) / "reports.jsonl"
        runner = run_ours if args.child == "ours" else run_baseline
        print(json.dumps(runner(reports, args.batch_size)))
        return
    for n_reports in sizes:
        generated_data(n_reports, args.seed)
        results = {}
        for contender in ("baseline", "ours"):
            child = subprocess.run(
                [sys.executable, "-m", "benchmarks.ingest", "--child", contender, "--reports", str(n_reports),
                 "--seed", str(args.seed), "--batch-size", str(args.batch_size)],
                capture_output=True, text=True, check=True,
            )
            results[contender] = json.loads(child.stdout.strip().splitlines()[-1])
        ours, base = results["ours"], results["baseline"]
        print(
            f"{n_reports:>9,} reports | ours {n_reports / ours['seconds']:,.0f} reports/s ({ours['seconds']:.1f}s, "
            f"peak {ours['peak_rss_mb']:.0f} MB) | baseline {n_reports / base['seconds']:,.0f} reports/s "
            f"({base['seconds']:.1f}s, peak {base['peak_rss_mb']:.0f} MB) | time ratio ours/baseline "
            f"{ours['seconds'] / base['seconds']:.2f}",
            flush=True,
        )


if __name__ == "__main__":
    main()
