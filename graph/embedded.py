"""The embedded Neo4j 5.26 Community: jars from Maven Central, run by our small Java launcher.

`start` resolves the jars once (Maven, with progress), compiles the launcher once, starts it in the
background on 127.0.0.1 and waits until Bolt answers; `stop` and `status` find it by its pid file.
"""

from __future__ import annotations

import hashlib
import json
import os
import re
import secrets
import shutil
import signal
import socket
import subprocess
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from pydantic import SecretStr

from core.settings import EMBEDDED_HOST, ConfigurationError, Settings
from graph.port import GraphPort, GraphUnavailable, wait_until_available

JAVA_DIR = Path(__file__).resolve().parent / "embedded"
POM = JAVA_DIR / "pom.xml"
LAUNCHER_SOURCE = JAVA_DIR / "NeoLauncher.java"
INSTALL_HINT = (
    "install them from your OS packages (Debian/Ubuntu: `sudo apt-get install openjdk-17-jdk-headless maven`; "
    "Fedora: `sudo dnf install java-17-openjdk-devel maven`; macOS: `brew install openjdk@17 maven`), "
    "or run Neo4j in Docker instead (`docker compose up -d neo4j`, then set NEO4J_URI=bolt://localhost:7687 "
    "and NEO4J_PASSWORD)"
)

# The JVM options Neo4j's own server starts with (its neo4j.conf), beside the heap. Without the three
# --add-opens, the page cache cannot reach direct buffers ("using fallback mode") and the transaction logs
# cannot be preallocated or advised: intake spent 9 to 13% more of the database's CPU (benchmarks/README.md).
NEO4J_JVM_OPTIONS = (
    "-XX:+UseG1GC",
    "-XX:-OmitStackTraceInFastThrow",
    "-XX:+UnlockExperimentalVMOptions",
    "-XX:+TrustFinalNonStaticFields",
    "-XX:+DisableExplicitGC",
    "-XX:+ExitOnOutOfMemoryError",
    "-Djdk.nio.maxCachedBufferSize=1024",
    "-Dio.netty.tryReflectionSetAccessible=true",
    "-Dlog4j2.disable.jmx=true",
    "--add-opens=java.base/java.nio=ALL-UNNAMED",
    "--add-opens=java.base/java.io=ALL-UNNAMED",
    "--add-opens=java.base/sun.nio.ch=ALL-UNNAMED",
)


class EmbeddedError(ConfigurationError):
    """The embedded database cannot start or stop; the message says why and what to do."""


@dataclass(frozen=True)
class EmbeddedStatus:
    """What `hub db status` reports."""

    running: bool
    uri: str | None
    pid: int | None
    store_bytes: int
    data_dir: Path


def neo4j_version() -> str:
    """Return the Neo4j version pinned in the pom."""
    match = re.search(r"<neo4j.version>([^<]+)</neo4j.version>", POM.read_text(encoding="utf-8"))
    if not match:
        raise EmbeddedError(f"{POM} does not pin neo4j.version")
    return match.group(1)


class EmbeddedNeo4j:
    """Starts, stops and inspects the embedded database living under one data folder."""

    def __init__(self, settings: Settings, *, data_dir: Path | None = None, port: int | None = None) -> None:
        self.settings = settings
        self.home = (data_dir / "neo4j").resolve() if data_dir else settings.embedded_dir
        self.port = port or settings.embedded_port
        self.pid_file = self.home / "neo4j.pid"
        self.log_file = self.home / "launcher.log"

    def password(self) -> str:
        """Return the neo4j user's password: NEO4J_PASSWORD, else one generated once and kept in the data folder."""
        if self.settings.neo4j_password is not None:
            return self.settings.neo4j_password.get_secret_value()
        secret_file = self.home / "password"
        if not secret_file.is_file():
            self.home.mkdir(parents=True, exist_ok=True)
            secret_file.touch(mode=0o600)
            secret_file.write_text(secrets.token_urlsafe(24))
        return secret_file.read_text().strip()

    def connection_settings(self, uri: str) -> Settings:
        """Return the settings that connect to this database at `uri`, with its password."""
        return self.settings.model_copy(update={"neo4j_uri": uri, "neo4j_password": SecretStr(self.password())})

    # -- queries about the running process ----------------------------------------------------------
    def running_pid(self) -> tuple[int, int] | None:
        """Return (pid, port) of the launcher running for this data folder, or None."""
        try:
            info = json.loads(self.pid_file.read_text())
            pid, port = int(info["pid"]), int(info["port"])
        except (OSError, ValueError, KeyError):
            return None
        return (pid, port) if _is_launcher(pid) else None

    def status(self) -> EmbeddedStatus:
        """Report whether the database runs, where, and how large its store is."""
        running = self.running_pid()
        return EmbeddedStatus(
            running=running is not None,
            uri=f"bolt://{EMBEDDED_HOST}:{running[1]}" if running else None,
            pid=running[0] if running else None,
            store_bytes=_folder_size(self.home / "data"),
            data_dir=self.home,
        )

    # -- start and stop ----------------------------------------------------------------------------
    def start(self, *, say: Callable[[str], None] = print) -> tuple[str, bool]:
        """Start the database if it is not running; return (bolt URI, whether it was started now)."""
        running = self.running_pid()
        if running:
            return f"bolt://{EMBEDDED_HOST}:{running[1]}", False
        java, _ = require_tools()
        if _port_taken(self.port):
            raise EmbeddedError(
                f"port {self.port} on {EMBEDDED_HOST} is taken by another program: "
                "pass --port or set HUB_NEO4J_PORT to a free port"
            )
        classpath = resolve_classpath(cache_dir(), say=say)
        classes = compile_launcher(cache_dir(), classpath)
        self.home.mkdir(parents=True, exist_ok=True)
        (self.home / "ready").unlink(missing_ok=True)
        command = [
            java,
            f"-Xms{self.settings.embedded_heap}",
            f"-Xmx{self.settings.embedded_heap}",
            *NEO4J_JVM_OPTIONS,
            "-cp",
            f"{classes}{os.pathsep}{classpath}",
            "NeoLauncher",
            str(self.home),
            str(self.port),
            str(self.settings.memory_bytes("pagecache")),
            str(self.settings.memory_bytes("tx")),
        ]
        environment = {**os.environ, "HUB_EMBEDDED_PASSWORD": self.password()}
        with self.log_file.open("ab") as log:
            process = subprocess.Popen(
                command,
                stdout=log,
                stderr=subprocess.STDOUT,
                stdin=subprocess.DEVNULL,
                start_new_session=True,
                env=environment,
            )
        self.pid_file.write_text(json.dumps({"pid": process.pid, "port": self.port}))
        uri = f"bolt://{EMBEDDED_HOST}:{self.port}"
        try:
            self._wait_ready(process, uri)
        except BaseException:
            self._terminate(process.pid)
            raise
        return uri, True

    def stop(self, *, timeout_s: float = 60.0) -> bool:
        """Stop the database cleanly (SIGTERM, then SIGKILL after the timeout); return whether one ran."""
        running = self.running_pid()
        if not running:
            self.pid_file.unlink(missing_ok=True)
            return False
        self._terminate(running[0], timeout_s=timeout_s)
        self.pid_file.unlink(missing_ok=True)
        return True

    def _wait_ready(self, process: subprocess.Popen[bytes], uri: str) -> None:
        deadline = time.monotonic() + self.settings.embedded_start_timeout_s
        ready = self.home / "ready"
        while not ready.exists():
            if process.poll() is not None:
                raise EmbeddedError(f"the embedded Neo4j stopped while starting: {self._log_tail()}")
            if time.monotonic() > deadline:
                raise EmbeddedError(
                    f"the embedded Neo4j did not start within {self.settings.embedded_start_timeout_s:.0f}s "
                    f"(HUB_NEO4J_START_TIMEOUT); see {self.log_file}"
                )
            time.sleep(0.2)
        port = GraphPort(self.connection_settings(uri))
        try:
            wait_until_available(port, timeout_s=30.0, alive=lambda: process.poll() is None)
        except GraphUnavailable as exc:
            raise EmbeddedError(f"the embedded Neo4j started but Bolt does not answer: {exc}") from None
        finally:
            port.close()

    def _terminate(self, pid: int, *, timeout_s: float = 60.0) -> None:
        try:
            os.kill(pid, signal.SIGTERM)
        except ProcessLookupError:
            return
        deadline = time.monotonic() + timeout_s
        while _alive(pid) and time.monotonic() < deadline:
            time.sleep(0.2)
        if _alive(pid):
            os.kill(pid, signal.SIGKILL)
            while _alive(pid):
                time.sleep(0.1)

    def _log_tail(self) -> str:
        try:
            lines = self.log_file.read_text(errors="replace").strip().splitlines()
        except OSError:
            return "no log"
        errors = [line for line in lines if "Exception" in line or "ERROR" in line or "Caused by" in line]
        return (errors[-1] if errors else (lines[-1] if lines else "no output")).strip() + f" (log: {self.log_file})"


# -- tools, jars and the launcher ------------------------------------------------------------------------
def cache_dir() -> Path:
    """Return the per-user folder for the jar classpath and the compiled launcher, shared by every data folder."""
    base = Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache")
    return base / "hate-crime-hub"


def require_tools() -> tuple[str, str]:
    """Return the paths of java (17 or newer) and mvn, or raise one clear message naming the packages."""
    java, mvn = shutil.which("java"), shutil.which("mvn")
    missing = [name for name, path in (("java", java), ("mvn", mvn)) if not path]
    if missing:
        raise EmbeddedError(f"the embedded Neo4j needs Java 17+ and Maven; {' and '.join(missing)} not found: {INSTALL_HINT}")
    assert java and mvn
    version = subprocess.run([java, "-version"], capture_output=True, text=True).stderr
    match = re.search(r'version "(\d+)', version)
    if match and int(match.group(1)) < 17:
        raise EmbeddedError(f"the embedded Neo4j needs Java 17 or newer, found Java {match.group(1)}: {INSTALL_HINT}")
    return java, mvn


def resolve_classpath(data_dir: Path, *, say: Callable[[str], None] = print) -> str:
    """Return the Neo4j classpath, asking Maven for it (and so downloading the jars) only the first time."""
    version = neo4j_version()
    cache = data_dir / "lib" / f"classpath-{version}.txt"
    if cache.is_file():
        classpath = cache.read_text().strip()
        if classpath and all(Path(jar).is_file() for jar in classpath.split(os.pathsep)):
            return classpath
    _, mvn = require_tools()
    cache.parent.mkdir(parents=True, exist_ok=True)
    say(f"Fetching Neo4j {version} Community from Maven Central (once; about 150 MB; later starts are offline)...")
    command = [mvn, "-B", "-f", str(POM), "dependency:build-classpath", f"-Dmdep.outputFile={cache}"]
    downloaded = 0
    with subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True) as process:
        assert process.stdout
        tail: list[str] = []
        for line in process.stdout:
            tail = (tail + [line.rstrip()])[-15:]
            if "Downloaded from" in line:
                downloaded += 1
                if downloaded % 25 == 0:
                    say(f"  downloaded {downloaded} files...")
        if process.wait() != 0:
            cache.unlink(missing_ok=True)
            raise EmbeddedError("Maven could not fetch Neo4j: " + " | ".join(line for line in tail if "ERROR" in line)[:600])
    if downloaded:
        say(f"  done: {downloaded} files downloaded")
    return cache.read_text().strip()


def compile_launcher(data_dir: Path, classpath: str) -> Path:
    """Compile NeoLauncher.java once per source change and return the folder of its class."""
    source = LAUNCHER_SOURCE.read_bytes()
    digest = hashlib.sha256(source).hexdigest()[:12]
    classes = data_dir / "launcher" / digest
    if (classes / "NeoLauncher.class").is_file():
        return classes
    javac = shutil.which("javac")
    if not javac:
        raise EmbeddedError(f"the embedded Neo4j needs the Java 17 JDK (javac not found): {INSTALL_HINT}")
    classes.mkdir(parents=True, exist_ok=True)
    result = subprocess.run(
        [javac, "-cp", classpath, "-d", str(classes), str(LAUNCHER_SOURCE)], capture_output=True, text=True
    )
    if result.returncode != 0:
        shutil.rmtree(classes, ignore_errors=True)
        raise EmbeddedError(f"could not compile the launcher: {result.stderr.strip()[:600]}")
    return classes


# -- small OS helpers ----------------------------------------------------------------------------------
def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    stat = Path(f"/proc/{pid}/stat")
    if stat.exists():
        try:
            return stat.read_text().split(") ", 1)[1][0] != "Z"
        except (OSError, IndexError):
            return True
    return True


def _is_launcher(pid: int) -> bool:
    if not _alive(pid):
        return False
    cmdline = Path(f"/proc/{pid}/cmdline")
    if cmdline.exists():
        try:
            return b"NeoLauncher" in cmdline.read_bytes()
        except OSError:
            return False
    return True


def _port_taken(port: int) -> bool:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as probe:
        probe.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        try:
            probe.bind((EMBEDDED_HOST, port))
        except OSError:
            return True
    return False


def _folder_size(folder: Path) -> int:
    if not folder.exists():
        return 0
    return sum(path.stat().st_size for path in folder.rglob("*") if path.is_file())


def free_port() -> int:
    """Return a TCP port on 127.0.0.1 that nothing listens on right now."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as probe:
        probe.bind((EMBEDDED_HOST, 0))
        return int(probe.getsockname()[1])
