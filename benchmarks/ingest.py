"""Intake speed and memory: `hub load` end to end against the plainest batched UNWIND ... MERGE.

Run: `.venv/bin/python -m benchmarks.ingest [--reports 10000 --reports 100000] [--seed 3] [--batch-size 1000]`.

For each size, two runs, each in its own process (so peak memory is its own) on its own fresh embedded Neo4j:
- **ours**: `loaders.load.load_files` as `hub load` calls it, everything a real load does: read and validate
  every record, normalise, check exactly-once (existing reports and their hashes), write, combine duplicates
  online (rules, cases, series, text groups), assess and assign the cases the new reports join (the policies in
  `policies/`), and append the collection to the audit trail, all in the same transaction per batch, with
  reading ahead;
- **baseline**: the plainest way to write the same intake nodes and relationships through the driver:
  `json.loads`, the contract model, the same row building, and the same `UNWIND $rows ... MERGE` queries
  (`cypher/intake/`), one transaction per batch; no exactly-once check, duplicate detection, assessment or audit.
It prints reports per second, the time ratio ours/baseline, each process's peak resident memory, and the CPU
time per report of the loader and of the database (fairer than wall time when other work shares the machine).
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import time
from pathlib import Path

from benchmarks.support import database_cpu_seconds, generated_data, peak_rss_mb, process_cpu_seconds, throwaway_neo4j
from cli.common import command_event
from core.settings import Settings
from graph.intake import write_rows
from graph.policies import load_policies
from graph.port import GraphPort, batched
from loaders.contract import ReportIn
from loaders.intake_rows import IntakeRows, rows_for
from loaders.load import load_files


def run_ours(reports: Path, batch_size: int) -> dict:
    """Load the file the way `hub load` does."""
    with throwaway_neo4j() as settings, GraphPort(settings) as port:
        clock = _Clock(settings)
        summary = load_files(
            port, [reports], rejects=reports.with_name("bench.rejects.csv"), batch_size=batch_size,
            policies=load_policies(), collected_by=lambda path, ids: command_event(
                by="benchmark", operation="collection", command=f"load {path.name}", node_ids=ids),
        )
        figures = clock.read()
    return {**figures, "created": summary.created, "peak_rss_mb": peak_rss_mb()}


def run_baseline(reports: Path, batch_size: int) -> dict:
    """Write the same intake rows with plain batched UNWIND ... MERGE, one transaction per batch."""
    with throwaway_neo4j() as settings, GraphPort(settings) as port:
        clock = _Clock(settings)
        written = 0
        with reports.open(encoding="utf-8") as lines:
            for batch in batched(lines, batch_size):
                rows = IntakeRows()
                for line in batch:
                    rows.extend(rows_for(ReportIn.model_validate(json.loads(line))))
                port.write_unit(lambda tx: write_rows(tx, rows))
                written += len(batch)
        figures = clock.read()
    return {**figures, "created": written, "peak_rss_mb": peak_rss_mb()}


class _Clock:
    """Wall time, and CPU time of this process and of the database, from now."""

    def __init__(self, settings: Settings) -> None:
        self.settings = settings
        self.wall, self.client, self.database = time.perf_counter(), process_cpu_seconds(), database_cpu_seconds(settings)

    def read(self) -> dict[str, float | None]:
        database = database_cpu_seconds(self.settings)
        return {
            "seconds": time.perf_counter() - self.wall,
            "client_cpu": process_cpu_seconds() - self.client,
            "database_cpu": None if database is None or self.database is None else database - self.database,
        }


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
        if ours["database_cpu"] is not None and base["database_cpu"] is not None:
            print("          CPU ms per report (loader + database): " + " | ".join(
                f"{name} {run['client_cpu'] * 1000 / n_reports:.2f} + {run['database_cpu'] * 1000 / n_reports:.2f}"
                f" = {_cpu(run) * 1000 / n_reports:.2f}" for name, run in (("ours", ours), ("baseline", base)))
                + f" | CPU ratio ours/baseline {_cpu(ours) / _cpu(base):.2f}", flush=True)


def _cpu(run: dict) -> float:
    return run["client_cpu"] + run["database_cpu"]


if __name__ == "__main__":
    main()
