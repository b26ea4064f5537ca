"""Kill a real loader process mid-way, run it again: the graph is exactly as after one clean run.

Every run is the real `hub load` (intake, duplicates, assessment and assignment at intake).
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from core.settings import Settings
from graph.dedupe.cases import export_cases
from graph.port import GraphPort
from loaders.generate import generate, write_generated
from tests.integration.graph_helpers import fingerprint

REPORTS = 3000


@pytest.fixture(scope="module")
def generated(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("generated")
    reports, _ = write_generated(generate(REPORTS, seed=11), folder)
    return reports


def _partition(port: GraphPort) -> set[frozenset[tuple[str, str]]]:
    return {frozenset((r["source"], r["reference"]) for r in row["reports"]) for row in export_cases(port)}


def test_killed_load_rerun_equals_one_clean_run(graph: GraphPort, neo4j_settings: Settings, generated: Path, tmp_path: Path) -> None:
    environment = {
        **os.environ,
        "NEO4J_URI": neo4j_settings.bolt_uri,
        "NEO4J_PASSWORD": neo4j_settings.neo4j_password.get_secret_value() if neo4j_settings.neo4j_password else "",
    }
    command = [sys.executable, "-m", "cli", "load", str(generated), "--batch-size", "100"]
    loader = subprocess.Popen(
        [*command, "--rejects", str(tmp_path / "r.csv")], env=environment, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
    )
    deadline = time.monotonic() + 120
    while graph.read("testing/report_count")[0]["reports"] < REPORTS // 4:
        assert loader.poll() is None, "the loader ended before it could be killed"
        assert time.monotonic() < deadline, "the loader made no progress"
        time.sleep(0.05)
    loader.send_signal(signal.SIGKILL)
    loader.wait()
    partial = graph.read("testing/report_count")[0]["reports"]
    assert REPORTS // 4 <= partial < REPORTS, "the kill landed mid-way"

    rerun = subprocess.run([*command, "--rejects", str(tmp_path / "r2.csv")], env=environment, capture_output=True, text=True)
    assert rerun.returncode == 0, rerun.stderr
    assert f"{REPORTS - partial} new, {partial} already received" in rerun.stdout
    after_crash = (fingerprint(graph), _partition(graph))

    graph.write_autocommit("testing/delete_data")
    clean_run = subprocess.run([*command, "--rejects", str(tmp_path / "r3.csv")], env=environment, capture_output=True, text=True)
    assert clean_run.returncode == 0, clean_run.stderr
    clean = (fingerprint(graph), _partition(graph))
    assert after_crash == clean
