"""`hub db ...` against real processes: start, status, twice-start, stop, and one-line configuration errors."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
from pathlib import Path

import pytest

from core.settings import Settings
from graph.embedded import free_port

HUB = [sys.executable, "-m", "cli"]


def _hub(*args: str, env: dict[str, str] | None = None, cwd: Path | None = None) -> subprocess.CompletedProcess[str]:
    environment = {key: value for key, value in os.environ.items() if not key.startswith("NEO4J_")}
    environment.update(env or {})
    return subprocess.run(
        [*HUB, *args], capture_output=True, text=True, env=environment, cwd=cwd or Path.cwd(), timeout=240
    )


def _one_error_line(result: subprocess.CompletedProcess[str]) -> str:
    assert result.returncode != 0
    assert "Traceback" not in result.stderr + result.stdout
    lines = [line for line in result.stderr.strip().splitlines() if line.strip()]
    assert len(lines) == 1, result.stderr
    return lines[0]


@pytest.mark.skipif(bool(os.environ.get("NEO4J_URI")), reason="exercises the embedded database")
def test_embedded_lifecycle(tmp_path: Path) -> None:
    port = str(free_port())
    cache = {"HUB_DATA_DIR": str(Path(".hub").resolve()), "HUB_NEO4J_HEAP": "512m", "HUB_NEO4J_PAGECACHE": "128m"}
    data = ["--data-dir", str(tmp_path)]
    try:
        started = _hub("db", "start", "--port", port, *data, env=cache)
        assert started.returncode == 0, started.stderr
        assert f"bolt://127.0.0.1:{port}" in started.stdout
        again = _hub("db", "start", "--port", port, *data, env=cache)
        assert "already running" in again.stdout
        status = _hub("db", "status", *data, env=cache)
        assert status.returncode == 0, status.stderr
        assert "running at" in status.stdout and "nodes" in status.stdout
        pid = int((tmp_path / "neo4j" / "neo4j.pid").read_text().split('"pid": ')[1].split(",")[0])
        neo4j_log = (tmp_path / "neo4j" / "logs" / "debug.log").read_text(errors="replace")
        assert "fallback mode" not in neo4j_log, "the page cache reaches direct buffers (the JVM's --add-opens)"
        assert "Incorrect file descriptor" not in neo4j_log, "the transaction logs' native access works"
    finally:
        stopped = _hub("db", "stop", *data, env=cache)
    assert "stopped" in stopped.stdout
    assert not Path(f"/proc/{pid}").exists() or "Z" in Path(f"/proc/{pid}/stat").read_text().split(") ")[1][:1]
    after = _hub("db", "status", *data, env=cache)
    assert after.returncode == 1 and "not running" in after.stdout
    try:
        restarted = _hub("db", "start", "--port", port, *data, env=cache)
        assert restarted.returncode == 0, restarted.stderr
        assert "started" in restarted.stdout, "a second start on the same store works"
    finally:
        _hub("db", "stop", *data, env=cache)


def test_port_taken_is_one_line_naming_the_setting(tmp_path: Path) -> None:
    with socket.socket() as holder:
        holder.bind(("127.0.0.1", 0))
        holder.listen()
        taken = str(holder.getsockname()[1])
        result = _hub("db", "start", "--port", taken, "--data-dir", str(tmp_path), env={"HUB_DATA_DIR": ".hub"})
    line = _one_error_line(result)
    assert f"port {taken}" in line and "HUB_NEO4J_PORT" in line


def test_unreachable_uri_is_one_line_naming_the_setting() -> None:
    result = _hub("db", "migrate", env={"NEO4J_URI": f"bolt://127.0.0.1:{free_port()}", "NEO4J_CONNECT_TIMEOUT": "2"})
    line = _one_error_line(result)
    assert "cannot reach Neo4j" in line and "NEO4J_URI" in line


def test_wrong_password_is_one_line_naming_the_setting(neo4j_settings: Settings) -> None:
    result = _hub("db", "migrate", env={"NEO4J_URI": str(neo4j_settings.bolt_uri), "NEO4J_PASSWORD": "wrong-password"})
    line = _one_error_line(result)
    assert "NEO4J_PASSWORD" in line


def test_bad_setting_value_is_one_line() -> None:
    result = _hub("db", "status", env={"NEO4J_URI": "http://localhost:7474"})
    line = _one_error_line(result)
    assert "NEO4J_URI" in line


def test_missing_java_or_maven_names_the_packages(tmp_path: Path) -> None:
    result = _hub("db", "start", "--port", str(free_port()), "--data-dir", str(tmp_path),
                  env={"PATH": str(tmp_path), "XDG_CACHE_HOME": str(tmp_path / "cache")})
    line = _one_error_line(result)
    assert "openjdk-17" in line and "maven" in line and "docker compose" in line
