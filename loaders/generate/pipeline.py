"""Generate reports with their ground truth, in memory or streamed to files."""

from __future__ import annotations

import heapq
import json
import math
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from .incidents import next_incident
from .places import REFERENCE_DIR, Places, load_places
from .plans import ReportPlan
from .render import Renderer
from .truth import TruthRecorder, dump_truth, expected_owning_force
from .world import World

REPORTS_FILE = "reports.jsonl"
_REPORT_ENCODER = json.JSONEncoder(ensure_ascii=False)
TRUTH_FILE = "truth.json"


@dataclass(frozen=True)
class GeneratedData:
    """Generated intake records, in the order they were received, and their ground truth."""

    reports: list[dict[str, Any]]
    truth: dict[str, Any]


def _check(n_reports: object, seed: object) -> None:
    if isinstance(n_reports, bool) or not isinstance(n_reports, int) or n_reports < 0:
        raise ValueError(f"n_reports must be a whole number of reports, 0 or more; got {n_reports!r}")
    if isinstance(seed, bool) or not isinstance(seed, int):
        raise ValueError(f"seed must be an integer; got {seed!r}")


def iter_reports(
    n_reports: int, seed: int, truth: TruthRecorder | None = None, reference_dir: Path = REFERENCE_DIR,
) -> Iterator[dict[str, Any]]:
    """Yield exactly n_reports intake records for the seed, filling `truth` as each one is yielded.

    Use this to write very large files: only the truth (ids and keys) accumulates, never the reports. The
    same (n_reports, seed) always yields the same records.
    """
    _check(n_reports, seed)
    places = load_places(reference_dir)
    return _stream(n_reports, seed, truth, places)


def _stream(n_reports: int, seed: int, truth: TruthRecorder | None, places: Places) -> Iterator[dict[str, Any]]:
    """Plan incidents along the year's clock and write reports in the order they are received.

    Plans wait in a heap until no later incident can produce an earlier report, so memory holds only the
    few days of reports around the clock.
    """
    world = World(seed, n_reports, places)
    renderer = Renderer(world.rng)
    if truth is not None:
        truth.add_perpetrators(world.perpetrators)
    waiting: list[tuple[int, int, ReportPlan]] = []
    planned = written = 0
    while written < n_reports:
        if planned < n_reports:
            world.progress = planned / n_reports
            for plan in next_incident(world):
                heapq.heappush(waiting, (plan.received, planned, plan))
                planned += 1
            horizon = world.earliest_future_time()
        else:
            horizon = math.inf
        while waiting and waiting[0][0] < horizon and written < n_reports:
            plan = heapq.heappop(waiting)[2]
            report = renderer.render(plan)
            if truth is not None:
                truth.record(plan, report, expected_owning_force(report, places.district_force))
            written += 1
            yield report


def generate(n_reports: int, seed: int) -> GeneratedData:
    """Return n_reports realistic, schema-valid reports for the seed and the truth about them."""
    truth = TruthRecorder(seed)
    reports = list(iter_reports(n_reports, seed, truth))
    return GeneratedData(reports=reports, truth=truth.to_dict())


def report_line(report: dict[str, Any]) -> str:
    """Return a report as one JSON Lines line (UTF-8 text, no trailing newline)."""
    return _REPORT_ENCODER.encode(report)


def write_generated(data: GeneratedData, out_dir: Path) -> tuple[Path, Path]:
    """Write reports.jsonl and truth.json into out_dir (created if needed); return their paths."""
    out_dir = Path(out_dir)
    out_dir.mkdir(parents=True, exist_ok=True)
    reports_path, truth_path = out_dir / REPORTS_FILE, out_dir / TRUTH_FILE
    with open(reports_path, "w", encoding="utf-8", newline="\n") as handle:
        for report in data.reports:
            handle.write(report_line(report) + "\n")
    with open(truth_path, "w", encoding="utf-8", newline="\n") as handle:
        dump_truth(data.truth, handle)
    return reports_path, truth_path


def write_generated_stream(n_reports: int, seed: int, out_dir: Path) -> tuple[Path, Path]:
    """Generate straight to files without holding the reports in memory; same bytes as write_generated."""
    out_dir = Path(out_dir)
    out_dir.mkdir(parents=True, exist_ok=True)
    reports_path, truth_path = out_dir / REPORTS_FILE, out_dir / TRUTH_FILE
    truth = TruthRecorder(seed)
    with open(reports_path, "w", encoding="utf-8", newline="\n") as handle:
        for report in iter_reports(n_reports, seed, truth):
            handle.write(report_line(report) + "\n")
    with open(truth_path, "w", encoding="utf-8", newline="\n") as handle:
        dump_truth(truth.to_dict(), handle)
    return reports_path, truth_path
