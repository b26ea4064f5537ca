"""A deterministic generator of realistic intake reports with ground truth, for tests and benchmarks.

The world: perpetrators with related accounts across platforms, content items they post (some copied word
for word by many accounts, a few going viral), victims at home in a force area or abroad, and the people and
organisations who report the material, pasting URLs every which way and sometimes submitting twice.

    data = generate(2000, seed=7)                 # reports and truth in memory
    write_generated(data, Path("out"))            # out/reports.jsonl, out/truth.json
    write_generated_stream(1_000_000, 7, Path("big"))  # same bytes, reports never held in memory

Every record validates against contracts/report.schema.json; the same (n_reports, seed) always gives
byte-identical files. The truth's format is described in truth.py.
"""

from .pipeline import (
    REPORTS_FILE, TRUTH_FILE, GeneratedData, generate, iter_reports, write_generated, write_generated_stream,
)
from .truth import HUB, TruthRecorder, expected_owning_force

__all__ = [
    "GeneratedData", "HUB", "REPORTS_FILE", "TRUTH_FILE", "TruthRecorder", "expected_owning_force", "generate",
    "iter_reports", "write_generated", "write_generated_stream",
]
