"""What the benchmarks share: a throwaway embedded Neo4j, generated data sets, peak memory, and scores."""

from __future__ import annotations

import math
import os
import resource
import shutil
import signal
import tempfile
import threading
from collections import Counter
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from pathlib import Path

from core.settings import Settings, load_settings
from graph import migrations
from graph.embedded import EmbeddedNeo4j, free_port
from graph.port import GraphPort

RESULTS = Path(__file__).resolve().parent / "results"
_DATABASE_PIDS: dict[str, int] = {}  # bolt URI of each running throwaway database -> its process id


@contextmanager
def throwaway_neo4j(*, heap: str = "4g", pagecache: str = "4g") -> Iterator[Settings]:
    """Start a fresh embedded Neo4j in a temporary folder (or use NEO4J_URI), migrated; stop and remove it after."""
    base = load_settings()
    if base.neo4j_uri:
        yield base
        return
    folder = Path(tempfile.mkdtemp(prefix="hub-bench-"))
    config = base.model_copy(update={"embedded_heap": heap, "embedded_pagecache": pagecache, "embedded_tx_memory": "3g"})
    database = EmbeddedNeo4j(config, data_dir=folder, port=free_port())
    # A benchmark killed with SIGTERM (kill, a timeout) would otherwise leave its database running (a 4 GB heap)
    # and its folder behind (gigabytes at 1,000,000 reports): exit through the clean-up below instead. Python
    # lets only the main thread set a handler; elsewhere the clean-up runs on a normal exit alone.
    in_main = threading.current_thread() is threading.main_thread()
    previous = signal.signal(signal.SIGTERM, _exit_on_terminate) if in_main else None
    settings: Settings | None = None
    try:
        uri, _ = database.start(say=lambda message: None)
        settings = database.connection_settings(uri)
        running = database.running_pid()
        if running:
            _DATABASE_PIDS[settings.bolt_uri] = running[0]
        with GraphPort(settings) as port:
            migrations.migrate(port)
        yield settings
    finally:
        if settings is not None:
            _DATABASE_PIDS.pop(settings.bolt_uri, None)
        database.stop()
        shutil.rmtree(folder, ignore_errors=True)
        if in_main:
            signal.signal(signal.SIGTERM, previous)


def _exit_on_terminate(signum: int, frame: object) -> None:
    raise SystemExit(128 + signum)


def database_cpu_seconds(settings: Settings) -> float | None:
    """Return the CPU time (user + system) the throwaway database behind `settings` has used, or None if unknown.

    With the machine shared, wall time says as much about the neighbours as about the code; CPU seconds of the
    loader and of the database say what the work itself cost.
    """
    pid = _DATABASE_PIDS.get(settings.bolt_uri)
    return None if pid is None else pid_cpu_seconds(pid)


def pid_cpu_seconds(pid: int) -> float | None:
    """Return the CPU time (user + system, every thread) another process has used, or None if it is gone."""
    try:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    except OSError:
        return None
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")  # utime, stime (fields 14, 15)


def tree_cpu_seconds(pid: int) -> float | None:
    """Return the CPU time a process and all its living descendants have used (a server and its workers)."""
    parents: dict[int, int] = {}
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                parents[int(entry.name)] = int((entry / "stat").read_text().rsplit(")", 1)[1].split()[1])
            except (OSError, IndexError, ValueError):
                continue
    family, grown = {pid}, True
    while grown:
        children = {child for child, parent in parents.items() if parent in family} - family
        family |= children
        grown = bool(children)
    if pid_cpu_seconds(pid) is None:
        return None
    return sum(seconds for member in family if (seconds := pid_cpu_seconds(member)) is not None)


def process_cpu_seconds() -> float:
    """Return this process's CPU time so far (user + system, every thread)."""
    usage = resource.getrusage(resource.RUSAGE_SELF)
    return usage.ru_utime + usage.ru_stime


def generated_data(n_reports: int, seed: int) -> Path:
    """Return the folder of a generated data set, generating it once and caching it under benchmarks/results."""
    from loaders.generate import write_generated_stream

    folder = RESULTS / "data" / f"reports-{n_reports}-seed-{seed}"
    if not (folder / "truth.json").is_file():
        write_generated_stream(n_reports, seed, folder)
    return folder


def peak_rss_mb() -> float:
    """Return this process's peak resident memory so far, in MB."""
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def pairwise_scores(predicted: Iterable[Iterable[str]], truth: Iterable[Iterable[str]]) -> dict[str, float]:
    """Pairwise precision, recall and F1 of a clustering against the true one (same elements in both)."""
    true_of = {member: index for index, group in enumerate(truth) for member in group}
    predicted_pairs = true_pairs = together = 0
    true_sizes: Counter[int] = Counter(true_of.values())
    true_pairs = sum(size * (size - 1) // 2 for size in true_sizes.values())
    for group in predicted:
        members = list(group)
        predicted_pairs += len(members) * (len(members) - 1) // 2
        overlap = Counter(true_of[member] for member in members if member in true_of)
        together += sum(count * (count - 1) // 2 for count in overlap.values())
    precision = together / predicted_pairs if predicted_pairs else 1.0
    recall = together / true_pairs if true_pairs else 1.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return {"precision": precision, "recall": recall, "f1": f1, "true_pairs": true_pairs, "predicted_pairs": predicted_pairs}


def bcubed(predicted: Iterable[Iterable[str]], truth: Iterable[Iterable[str]]) -> dict[str, float]:
    """B-cubed precision and recall: per element, the share of its cluster that belongs with it, averaged."""
    true_of = {member: index for index, group in enumerate(truth) for member in group}
    true_size = Counter(true_of.values())
    precision_sum = recall_sum = 0.0
    count = 0
    for group in predicted:
        members = [member for member in group if member in true_of]
        overlap = Counter(true_of[member] for member in members)
        for member in members:
            shared = overlap[true_of[member]]
            precision_sum += shared / len(members)
            recall_sum += shared / true_size[true_of[member]]
            count += 1
    return {"precision": precision_sum / count if count else 1.0, "recall": recall_sum / count if count else 1.0}


def nmi(labels_a: dict[str, int | str], labels_b: dict[str, int | str]) -> float:
    """Normalised mutual information (arithmetic mean) of two labellings over their common elements."""
    common = [key for key in labels_a if key in labels_b]
    n = len(common)
    if n == 0:
        return 0.0
    joint = Counter((labels_a[key], labels_b[key]) for key in common)
    count_a = Counter(labels_a[key] for key in common)
    count_b = Counter(labels_b[key] for key in common)
    mutual = sum(c / n * math.log((c * n) / (count_a[a] * count_b[b])) for (a, b), c in joint.items())
    entropy_a = -sum(c / n * math.log(c / n) for c in count_a.values())
    entropy_b = -sum(c / n * math.log(c / n) for c in count_b.values())
    if entropy_a + entropy_b == 0:
        return 1.0
    return 2 * mutual / (entropy_a + entropy_b)
