"""A benchmark killed with SIGTERM stops its throwaway database and removes its folder."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

CHILD = """
import sys, time
from benchmarks import support
with support.throwaway_neo4j(heap="256m", pagecache="32m") as settings:
    print(support._DATABASE_PIDS[settings.bolt_uri], flush=True)
    time.sleep(600)
"""


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    return Path(f"/proc/{pid}/stat").read_text().split()[2] != "Z"


def test_a_terminated_benchmark_leaves_no_database_behind(tmp_path: Path) -> None:
    environment = {key: value for key, value in os.environ.items() if key != "NEO4J_URI"}
    environment["TMPDIR"] = str(tmp_path)  # the throwaway folder is made here
    child = subprocess.Popen([sys.executable, "-c", CHILD], env=environment, stdout=subprocess.PIPE, text=True,
                             cwd=Path(__file__).resolve().parents[2])
    try:
        line = child.stdout.readline() if child.stdout else ""
        assert line.strip().isdigit(), f"the throwaway database did not start (exit {child.poll()})"
        database = int(line)
        assert _alive(database) and list(tmp_path.glob("hub-bench-*"))
        child.send_signal(signal.SIGTERM)
        assert child.wait(timeout=120) == 128 + signal.SIGTERM
    finally:
        if child.poll() is None:
            child.kill()
    deadline = time.monotonic() + 30
    while _alive(database) and time.monotonic() < deadline:
        time.sleep(0.2)
    left_running = _alive(database)
    if left_running:
        os.kill(database, signal.SIGKILL)  # not left behind by this test either
    assert not left_running, "the database kept running after its benchmark was terminated"
    assert not list(tmp_path.glob("hub-bench-*")), "the database's folder was left behind"
