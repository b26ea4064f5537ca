"""Force assignment against the generator's ground truth, and its cost.

Run: `.venv/bin/python -m benchmarks.assignment --reports 5000 [--seed 5]`.

In a fresh embedded Neo4j: seed the reference tables, load the generated reports (cases formed at intake),
run `hub assign` over every case, then `hub assess`, timing both. Agreement is measured two ways:
- cases whose victims (as the reports give them) all live in postcode districts lying wholly inside one
  and the same force: the case must be owned by that force (target 100%);
- overall: cases whose reports all have the same expected force in the truth (the generator decides per report,
  by the first victim with a known postcode, else the suspect's postcode; the hub decides per case).
"""

from __future__ import annotations

import argparse
import json
import time
from collections import Counter
from datetime import date
from pathlib import Path

from benchmarks.support import generated_data, peak_rss_mb, throwaway_neo4j
from graph.assessment import assess_cases
from graph.jurisdiction import assign_cases, export_assignments
from graph.policies import load_policies
from graph.port import GraphPort
from graph.reference import seed_reference
from loaders.generate.places import load_places
from loaders.generate.truth import force_of_postcode
from loaders.load import load_files


def _key(entry: dict) -> str:
    return f"{entry['source']}|{entry['reference']}"


def victim_forces(report: dict, district_force: dict[str, str]) -> set[str | None]:
    """Return the forces of the report's victims by postcode district (None for a victim not so located)."""
    reporter = report.get("reporter", {})
    forces: set[str | None] = set()
    for victim in report.get("victims", []):
        place = reporter if victim.get("same_as_reporter") else victim
        located = place.get("country", "GB") == "GB" and force_of_postcode(place.get("postcode"), district_force)
        forces.add(located or None)
    return forces


def _report_victims(path: Path) -> dict[str, set[str | None]]:
    district_force = load_places().district_force
    with path.open(encoding="utf-8") as handle:
        return {_key(report): victim_forces(report, district_force) for report in map(json.loads, handle)}


def score(lines: list[dict], truth: dict, victims: dict[str, set[str | None]]) -> dict:
    """Return agreement with the truth: for cases with victims in one force only, and overall."""
    strict = strict_agree = overall = overall_agree = 0
    misses: list[dict] = []
    for line in lines:
        keys = [_key(entry) for entry in line["reports"]]
        forces = set().union(*(victims.get(key, set()) for key in keys))
        if len(forces) == 1 and None not in forces:
            strict += 1
            expected = next(iter(forces))
            strict_agree += line["owning_force"] == expected
            if line["owning_force"] != expected and len(misses) < 5:
                misses.append({"case": line["case"], "expected": expected, "got": line["owning_force"], "rule": line["rule"]})
        expected_all = {truth["owning_force"].get(key) for key in keys}
        if len(expected_all) == 1:
            overall += 1
            overall_agree += line["owning_force"] == next(iter(expected_all))
    return {
        "cases": len(lines),
        "victim_in_one_force_cases": strict,
        "victim_in_one_force_agreement": strict_agree / strict if strict else 1.0,
        "comparable_cases": overall,
        "overall_agreement": overall_agree / overall if overall else 1.0,
        "misses": misses,
    }


def measure(n_reports: int, seed: int, batch_size: int) -> dict:
    """Load, assign and assess one generated data set; return the figures."""
    folder = generated_data(n_reports, seed)
    truth = json.loads((folder / "truth.json").read_text())
    victims = _report_victims(folder / "reports.jsonl")
    policies = load_policies()
    figures: dict = {"reports": n_reports}
    with throwaway_neo4j() as settings, GraphPort(settings) as port:
        seed_reference(port)
        started = time.perf_counter()
        load_files(port, [folder / "reports.jsonl"], rejects=folder / "rejects.csv", batch_size=batch_size)
        figures["intake_s"] = time.perf_counter() - started
        started = time.perf_counter()
        summary = assign_cases(port, policy=policies.jurisdiction)
        figures["assign_s"] = time.perf_counter() - started
        figures["rules"] = dict(Counter(summary.by_rule))
        figures["uncertain"], figures["unresolved_postcodes"] = summary.uncertain, len(summary.unresolved)
        figures["in_series"] = summary.in_series
        started = time.perf_counter()
        assessed = assess_cases(port, policies=policies, today=date(2026, 12, 31))
        figures["assess_s"] = time.perf_counter() - started
        figures["classification"] = dict(assessed.by_classification)
        lines, _ = export_assignments(port)
    figures.update(score(lines, truth, victims))
    figures["peak_rss_mb"] = peak_rss_mb()
    return figures


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--reports", type=int, default=5000)
    parser.add_argument("--seed", type=int, default=5)
    parser.add_argument("--batch-size", type=int, default=1000)
    args = parser.parse_args()
    f = measure(args.reports, args.seed, args.batch_size)
    print(
        f"{f['reports']:,} reports in {f['cases']:,} cases | victims in one force: {f['victim_in_one_force_cases']:,} cases, "
        f"agreement {f['victim_in_one_force_agreement']:.2%} | overall: {f['comparable_cases']:,} comparable cases, "
        f"agreement {f['overall_agreement']:.2%}\n"
        f"intake {f['intake_s']:.1f}s | assign {f['assign_s']:.1f}s ({f['cases'] / f['assign_s']:,.0f} cases/s) | "
        f"assess {f['assess_s']:.1f}s ({f['cases'] / f['assess_s']:,.0f} cases/s) | peak RSS {f['peak_rss_mb']:.0f} MB\n"
        f"rules {f['rules']} | uncertain {f['uncertain']} | unresolved postcodes {f['unresolved_postcodes']} | "
        f"in a linked series {f['in_series']} | classification {f['classification']}",
        flush=True,
    )
    for miss in f["misses"]:
        print(f"  miss: {miss}")


if __name__ == "__main__":
    main()
