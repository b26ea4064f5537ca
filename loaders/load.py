"""`hub load`: files into the graph, batch by batch, with every refused record listed in a rejects file."""

from __future__ import annotations

import csv
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from queue import Queue
from threading import Thread
from typing import TypeVar

from graph.audit import AuditEvent
from graph.intake import Outcome, Status, ingest
from graph.policies import Policies
from graph.port import GraphPort, batched
from loaders.intake_rows import Submission
from loaders.sources import Record, read_records
from loaders.validation import RECORD

REJECT_COLUMNS = ("file", "line", "reference", "field", "reason")
T = TypeVar("T")


@dataclass
class LoadSummary:
    """What a load did, record by record, in totals."""

    read: int = 0
    created: int = 0
    unchanged: int = 0
    conflicts: int = 0
    rejected: int = 0
    rejects_file: Path | None = None
    files: list[str] = field(default_factory=list)

    def count(self, outcomes: Iterable[Outcome]) -> None:
        """Add a batch's outcomes to the totals."""
        for outcome in outcomes:
            if outcome.status is Status.CREATED:
                self.created += 1
            elif outcome.status is Status.UNCHANGED:
                self.unchanged += 1
            else:
                self.conflicts += 1


class RejectsWriter:
    """Appends refused records to a CSV file (file, line, reference, field, reason), created on first use."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self._handle = None
        self._writer: csv.writer | None = None  # type: ignore[valid-type]

    def write(self, file: Path, line: int | None, reference: str | None, field_path: str, reason: str) -> None:
        """Record one reason a record was refused."""
        if self._writer is None:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            self._handle = self.path.open("w", encoding="utf-8", newline="")
            self._writer = csv.writer(self._handle)
            self._writer.writerow(REJECT_COLUMNS)
        self._writer.writerow([str(file), line if line is not None else "", reference or "", field_path, reason])

    def close(self) -> None:
        """Flush and close the file, if one was opened."""
        if self._handle:
            self._handle.close()


def load_files(
    port: GraphPort,
    paths: list[Path],
    *,
    rejects: Path,
    batch_size: int,
    progress: Callable[[int], None] = lambda done: None,
    policies: Policies | None = None,
    collected_by: Callable[[Path, list[str]], AuditEvent] | None = None,
) -> LoadSummary:
    """Load every file: valid reports in batches of one transaction each, refused ones to `rejects`.

    With `policies`, the cases that new reports join are assessed and assigned as they load. With
    `collected_by`, each batch's new reports are logged as a collection in the batch's own transaction.
    """
    summary = LoadSummary(rejects_file=None, files=[str(path) for path in paths])
    writer = RejectsWriter(rejects)
    rejects.unlink(missing_ok=True)
    try:
        for path in paths:
            for batch in read_ahead(batched(prepared(read_records(path)), batch_size)):
                audit = (lambda ids, path=path: collected_by(path, ids)) if collected_by else None
                _load_batch(port, path, batch, summary, writer, policies, audit)
                progress(len(batch))
    finally:
        writer.close()
    if summary.rejected or summary.conflicts:
        summary.rejects_file = rejects
    return summary


def prepared(records: Iterable[Record]) -> Iterator[tuple[Record, Submission | None]]:
    """Pair each record with its report made ready to write (None for a refused record)."""
    for record in records:
        yield record, (Submission.of(record.report, record.line) if record.report is not None else None)


def read_ahead(batches: Iterator[T], depth: int = 2) -> Iterator[T]:
    """Yield from `batches`, reading, validating and preparing up to `depth` batches ahead in a thread.

    Parsing, validation and building the rows (Python) then overlap with the database writing the previous
    batch.
    """
    queue: Queue[tuple[str, object]] = Queue(maxsize=depth)

    def produce() -> None:
        try:
            for batch in batches:
                queue.put(("batch", batch))
        except BaseException as exc:  # handed to the consumer, raised there
            queue.put(("error", exc))
        else:
            queue.put(("done", None))

    Thread(target=produce, name="intake-reader", daemon=True).start()
    while True:
        kind, value = queue.get()
        if kind == "done":
            return
        if kind == "error":
            raise value  # type: ignore[misc]
        yield value  # type: ignore[misc]


def _load_batch(
    port: GraphPort, path: Path, batch: list[tuple[Record, Submission | None]], summary: LoadSummary,
    writer: RejectsWriter, policies: Policies | None,
    audit: Callable[[list[str]], AuditEvent] | None = None,
) -> None:
    summary.read += len(batch)
    good: list[Submission] = []
    for record, submission in batch:
        if submission is not None:
            good.append(submission)
            continue
        summary.rejected += 1
        for error in record.errors:
            writer.write(path, error.line or record.line, error.reference, error.field, error.reason)
    if not good:
        return
    outcomes = ingest(port, good, policies=policies, collected_by=audit)
    summary.count(outcomes)
    for outcome in outcomes:
        if outcome.status is Status.CONFLICT:
            writer.write(
                path, outcome.line, outcome.reference, RECORD,
                f"conflict: {outcome.source}/{outcome.reference} was already received with different content; not applied",
            )
