"""The audit trail (DPA 2018 s62): append-only, each entry chained to the one before by SHA-256.

Every consultation, disclosure, alteration, combination, collection and erasure of personal data is
recorded with who, when, which nodes, which operation and why. Entries are written by one writer thread that
commits whatever has queued up together (group commit): a caller waits until its entry is durable, so nothing
is returned unlogged, yet fifty concurrent requests do not queue behind fifty transactions. Across processes
the head node's write lock keeps the chain in one order.
"""

from __future__ import annotations

import hashlib
import json
import queue
import threading
import time
from collections.abc import Callable, Iterator, Sequence
from concurrent.futures import Future
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import datetime, timezone
from enum import StrEnum
from typing import Any

from domain.access import Principal
from graph.port import GraphError, GraphPort, Row, Tx

GENESIS = "0" * 64
PAGE = 5000
OPTIMISTIC_ATTEMPTS = 3


class Operation(StrEnum):
    """What was done to personal data, in the words of s62."""

    COLLECTION = "collection"
    ALTERATION = "alteration"
    CONSULTATION = "consultation"
    DISCLOSURE = "disclosure"
    COMBINATION = "combination"
    ERASURE = "erasure"


@dataclass(frozen=True)
class AuditEvent:
    """One thing to log: who did which operation to which nodes, why, and whether it was allowed."""

    actor: str
    role: str
    operation: Operation
    target: str  # the GraphQL operation or field, the endpoint or the command
    node_ids: tuple[str, ...] = ()
    justification: str | None = None
    outcome: str = "done"  # or "refused: <reason>"
    force: str | None = None
    credential: str = ""
    recipient: str | None = None  # for a disclosure: who received it
    details: str = ""  # short JSON or words: the arguments that matter

    @classmethod
    def by(cls, principal: Principal, operation: Operation, target: str, **fields: Any) -> "AuditEvent":
        """Build an event for what this principal did."""
        return cls(
            actor=principal.user, role=principal.role.value, force=principal.force, credential=principal.credential,
            operation=operation, target=target, **fields,
        )


def entry_hash(entry: dict[str, Any]) -> str:
    """Return the SHA-256 over an entry's recorded fields and the previous entry's hash."""
    fields = [
        entry["seq"], entry["at_text"], entry["actor"], entry["role"], entry.get("force"), entry.get("credential"),
        entry["operation"], entry["target"], list(entry.get("node_ids") or []), entry.get("justification"),
        entry["outcome"], entry.get("recipient"), entry.get("details"), entry["prev_hash"],
    ]
    return hashlib.sha256(json.dumps(fields, separators=(",", ":"), ensure_ascii=False).encode()).hexdigest()


def _row(event: AuditEvent, seq: int, prev_hash: str, at: datetime) -> dict[str, Any]:
    row = {
        "seq": seq,
        "at_text": at.astimezone(timezone.utc).isoformat(timespec="microseconds"),
        "actor": event.actor,
        "role": event.role,
        "force": event.force,
        "credential": event.credential,
        "operation": event.operation.value,
        "target": event.target,
        "node_ids": sorted(set(event.node_ids)),
        "justification": event.justification,
        "outcome": event.outcome,
        "recipient": event.recipient,
        "details": event.details,
        "prev_hash": prev_hash,
    }
    row["hash"] = entry_hash(row)
    return row


def append_in(tx: Tx, events: Sequence[AuditEvent], *, now: Callable[[], datetime] | None = None) -> list[int]:
    """Append events in this transaction, chained after the current head; return their sequence numbers."""
    if not events:
        return []
    head = tx.run("audit/lock_head", genesis=GENESIS)[0]
    rows = _chained(events, head["seq"], head["hash"], now)
    tx.run("audit/append_after_head", rows=rows, after_seq=head["seq"], after_hash=head["hash"],
           hash=rows[-1]["hash"], genesis=GENESIS)  # the head is locked: it cannot have moved
    return [row["seq"] for row in rows]


def _chained(events: Sequence[AuditEvent], seq: int, prev: str,
             now: Callable[[], datetime] | None = None) -> list[dict[str, Any]]:
    """The entries' rows, numbered and chained after the entry `seq` whose hash is `prev`."""
    clock = now or (lambda: datetime.now(timezone.utc))
    rows = []
    for event in events:
        seq += 1
        row = _row(event, seq, prev, clock())
        rows.append(row)
        prev = row["hash"]
    return rows


@dataclass
class AuditTrail:
    """Records events durably, committing concurrent ones together; `record` returns once written.

    The writer remembers the head it last wrote, so a batch is one auto-commit statement that appends only if
    the head has not moved (`audit/append_after_head`): one round trip, which costs the database less CPU than a
    transaction that locks the head, reads it and appends (docs/api.md). When another process has appended
    since, the statement answers with the head it found and the batch is chained after that; after
    `OPTIMISTIC_ATTEMPTS` such races the batch is written the locking way, in one transaction.
    """

    port: GraphPort
    max_batch: int = 500
    commit_delay_s: float = 0.0
    commit_siblings: int = 5
    _head: tuple[int, str] | None = field(default=None, init=False)
    _coming: int = field(default=0, init=False)
    _queue: "queue.Queue[tuple[AuditEvent, Future[int]] | None]" = field(default_factory=queue.Queue, init=False)
    _thread: threading.Thread | None = field(default=None, init=False)
    _lock: threading.Lock = field(default_factory=threading.Lock, init=False)

    @contextmanager
    def coming(self) -> Iterator[None]:
        """Announce an event this caller will submit when the work inside the block is done (a query running).

        While `commit_siblings` or more are announced, the writer waits up to `commit_delay_s` for more events
        before it commits a batch, as PostgreSQL's commit_delay and commit_siblings do and for the same
        reason: under load each commit costs the database more than the wait costs a caller; a lone caller
        never waits.
        """
        with self._lock:
            self._coming += 1
        try:
            yield
        finally:
            with self._lock:
                self._coming -= 1

    def record(self, event: AuditEvent) -> int:
        """Write one event and return its sequence number; raise if it could not be written."""
        return self.submit(event).result()

    def submit(self, event: AuditEvent) -> "Future[int]":
        """Queue one event; the future completes with its sequence number once committed."""
        self._ensure_writer()
        done: Future[int] = Future()
        self._queue.put((event, done))
        return done

    def close(self) -> None:
        """Write what is queued and stop the writer thread."""
        with self._lock:
            thread, self._thread = self._thread, None
        if thread is not None:
            self._queue.put(None)
            thread.join(timeout=30)

    def _ensure_writer(self) -> None:
        with self._lock:
            if self._thread is None:
                self._thread = threading.Thread(target=self._write_loop, name="audit-writer", daemon=True)
                self._thread.start()

    def _write_loop(self) -> None:
        while True:
            first = self._queue.get()
            if first is None:
                return
            batch = [first]
            stop = False
            wait_until = time.monotonic() + self.commit_delay_s if self._coming >= self.commit_siblings else 0.0
            while len(batch) < self.max_batch:
                try:
                    wait = wait_until - time.monotonic()
                    item = self._queue.get(timeout=wait) if wait > 0 else self._queue.get_nowait()
                except queue.Empty:
                    break
                if item is None:
                    stop = True
                    break
                batch.append(item)
            self._commit(batch)
            if stop:
                return

    def _commit(self, batch: list[tuple[AuditEvent, "Future[int]"]]) -> None:
        events = [event for event, _ in batch]
        try:
            numbers = self._append(events)
        except Exception as failure:  # every waiting caller learns its entry was not written
            for _, done in batch:
                done.set_exception(failure)
            return
        for (_, done), seq in zip(batch, numbers):
            done.set_result(seq)

    def _append(self, events: list[AuditEvent]) -> list[int]:
        """Append the events after the head; return their sequence numbers once committed."""
        for _ in range(OPTIMISTIC_ATTEMPTS):
            seq, prev = self._head or self._read_head()
            rows = _chained(events, seq, prev)
            last = (rows[-1]["seq"], rows[-1]["hash"])
            try:
                answer = self.port.write_autocommit("audit/append_after_head", rows=rows, after_seq=seq,
                                                    after_hash=prev, hash=last[1], genesis=GENESIS)[0]
            except GraphError:
                self._head = None
                if self._read_head() != last:  # not committed: the locking transaction (retried) writes them
                    break
                answer = {"appended": True}  # committed before the answer was lost
            if answer["appended"]:
                self._head = last
                return [row["seq"] for row in rows]
            self._head = (answer["seq"], answer["hash"])  # another process appended since: chain after it
        self._head = None
        return self.port.write_unit(lambda tx: append_in(tx, events))

    def _read_head(self) -> tuple[int, str]:
        head = self.port.read("audit/head")[0]
        return (head["seq"], head["hash"]) if head["seq"] is not None else (0, GENESIS)


@dataclass(frozen=True)
class Verification:
    """The outcome of checking the chain: how many entries, and every break found."""

    entries: int
    head_seq: int
    head_hash: str
    problems: tuple[str, ...]

    @property
    def intact(self) -> bool:
        return not self.problems


def entries(port: GraphPort, *, page: int = PAGE) -> Iterator[Row]:
    """Yield every audit entry in sequence order, a page at a time."""
    after = 0
    while True:
        rows = port.read("audit/entries_after", after=after, limit=page)
        for row in rows:
            yield row["entry"]
        if len(rows) < page:
            return
        after = rows[-1]["entry"]["seq"]


def verify(port: GraphPort, *, progress: Callable[[int], None] | None = None) -> Verification:
    """Recompute the chain from the first entry and report every entry changed, removed or out of place."""
    problems: list[str] = []
    expected_seq, prev = 1, GENESIS
    count = 0
    for entry in entries(port):
        count += 1
        seq = entry.get("seq")
        if seq != expected_seq:
            problems.append(f"entry {expected_seq}: missing (next entry found is {seq})")
        if entry.get("prev_hash") != prev:
            problems.append(f"entry {seq}: does not follow the entry before it (prev_hash differs)")
        recomputed = entry_hash(entry)
        if recomputed != entry.get("hash"):
            problems.append(f"entry {seq}: its contents were changed after it was written (hash differs)")
        at = entry.get("at")
        if not isinstance(at, datetime) or at != datetime.fromisoformat(entry["at_text"]):
            problems.append(f"entry {seq}: its time was changed after it was written")
        expected_seq, prev = (seq or expected_seq) + 1, entry.get("hash") or prev
        if progress and count % 1000 == 0:
            progress(count)
    head = port.read("audit/head")[0]
    head_seq, head_hash = head["seq"] or 0, head["hash"] or GENESIS
    if head_seq != expected_seq - 1 or head_hash != prev:
        problems.append(
            f"the trail ends at entry {expected_seq - 1} but its head records entry {head_seq}: "
            "entries were removed from the end, or the head was changed"
        )
    return Verification(entries=count, head_seq=head_seq, head_hash=head_hash, problems=tuple(problems))


def search(
    port: GraphPort, *, actor: str | None = None, operation: str | None = None, node: str | None = None,
    start: datetime | None = None, end: datetime | None = None, before: int | None = None, limit: int = 50,
) -> list[Row]:
    """Return audit entries newest first, filtered; page with `before` = the last seq seen."""
    rows = port.read(
        "audit/search", actor=actor, operation=operation, node=node, before=before, limit=limit,
        **{"from": start, "to": end},
    )
    return [row["entry"] for row in rows]
