"""The one port to Neo4j: the only module that imports the driver.

Every query runs by name from cypher/ with `$parameters`; sessions, read/write routing, retries on
transient errors (the driver's managed transactions) and batching live here and nowhere else.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from typing import Any, TypeVar

import neo4j
from neo4j import exceptions as neo4j_errors
from neo4j import time as neo4j_time

from core.settings import Settings
from graph import queries

log = logging.getLogger(__name__)
T = TypeVar("T")
READ_ATTEMPTS = 3
Row = dict[str, Any]


class GraphError(Exception):
    """Neo4j could not do what was asked; the message says why in one line."""


class GraphUnavailable(GraphError):
    """Neo4j is unreachable or refused the connection; the message names the setting and the fix."""


class ConstraintViolation(GraphError):
    """A write broke a uniqueness constraint."""


# Values the driver gives as plain Python: nothing to convert. Checking a value's exact type against this set
# first makes reading rows about three times faster than testing every value for every kind (the API reads
# many small rows per request; intake and batch jobs many large ones).
_PLAIN = frozenset({str, int, float, bool, type(None), bytes})
_TEMPORAL = (neo4j_time.DateTime, neo4j_time.Date, neo4j_time.Time)


def _native(value: Any) -> Any:
    """Turn driver temporal types into Python ones, recursively; durations and other values stay as they are."""
    kind = type(value)
    if kind in _PLAIN:
        return value
    if kind is list:
        return [item if type(item) in _PLAIN else _native(item) for item in value]
    if kind is dict:
        return {key: item if type(item) in _PLAIN else _native(item) for key, item in value.items()}
    if isinstance(value, _TEMPORAL):
        return value.to_native()
    return value


def _rows(result: neo4j.Result) -> list[Row]:
    keys = result.keys()
    return [dict(zip(keys, [value if type(value) in _PLAIN else _native(value) for value in record]))
            for record in result]


@dataclass
class Tx:
    """A transaction handed to a unit of work: run named queries inside it."""

    _tx: neo4j.ManagedTransaction
    _port: "GraphPort"

    def run(self, query: str, /, **params: Any) -> list[Row]:
        """Run the named query in this transaction and return its rows."""
        self._port.round_trips += 1
        return _rows(self._tx.run(queries.load(query), params))


@dataclass
class GraphPort:
    """Owns the driver; runs named Cypher with parameters, with retries and batching."""

    settings: Settings
    round_trips: int = field(default=0, init=False)
    _driver: neo4j.Driver = field(init=False, repr=False)

    def __post_init__(self) -> None:
        password = self.settings.neo4j_password.get_secret_value() if self.settings.neo4j_password else ""
        auth = (self.settings.neo4j_user, password) if password else None
        self._driver = neo4j.GraphDatabase.driver(
            self.settings.bolt_uri,
            auth=auth,
            connection_timeout=self.settings.neo4j_connect_timeout_s,
            max_transaction_retry_time=30.0,
            notifications_min_severity="OFF",
        )

    # -- lifecycle -------------------------------------------------------------------------------
    def close(self) -> None:
        """Close the driver and every pooled connection."""
        self._driver.close()

    def __enter__(self) -> "GraphPort":
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def verify(self) -> None:
        """Check that Neo4j answers with these credentials, raising GraphUnavailable with the fix if not."""
        with self._translate():
            self._driver.verify_connectivity()
            with self._session(neo4j.READ_ACCESS) as session:
                session.run("RETURN 1").consume()

    # -- queries ---------------------------------------------------------------------------------
    def read(self, query: str, /, **params: Any) -> list[Row]:
        """Run one named read query (routed to a reader in a cluster) and return its rows.

        A single read runs as an auto-commit transaction: one network round trip instead of the three of an
        explicit transaction (begin, run, commit), which halves the latency of the API's many small reads.
        Transient failures (a leader change, a dropped pooled connection) are retried, as managed
        transactions would.
        """
        text = queries.load(query)
        for attempt in range(READ_ATTEMPTS):
            try:
                with self._translate(), self._session(neo4j.READ_ACCESS) as session:
                    self.round_trips += 1
                    return _rows(session.run(text, params))
            except GraphUnavailable:
                if attempt == READ_ATTEMPTS - 1:
                    raise
            except GraphError as failure:
                transient = isinstance(failure.__cause__, neo4j_errors.TransientError)
                if not transient or attempt == READ_ATTEMPTS - 1:
                    raise
            time.sleep(0.05 * 2**attempt)
        raise AssertionError("unreachable")

    def write(self, query: str, /, **params: Any) -> list[Row]:
        """Run a named write query in its own transaction and return its rows."""
        return self.write_unit(lambda tx: tx.run(query, **params))

    def read_unit(self, work: Callable[[Tx], T]) -> T:
        """Run several named queries in one read transaction, retried on transient errors."""
        with self._translate(), self._session(neo4j.READ_ACCESS) as session:
            return session.execute_read(lambda tx: work(Tx(tx, self)))

    def write_unit(self, work: Callable[[Tx], T]) -> T:
        """Run several named queries in one write transaction: all of them commit, or none."""
        with self._translate(), self._session(neo4j.WRITE_ACCESS) as session:
            return session.execute_write(lambda tx: work(Tx(tx, self)))

    def write_batches(
        self,
        query: str,
        rows: Iterable[Row],
        /,
        *,
        batch_size: int,
        progress: Callable[[int], None] | None = None,
        **params: Any,
    ) -> int:
        """Write `rows` through the named `UNWIND $rows` query, one transaction per batch; return the count."""
        written = 0
        for batch in batched(rows, batch_size):
            self.write(query, rows=batch, **params)
            written += len(batch)
            if progress:
                progress(len(batch))
        return written

    def write_autocommit(self, query: str, /, **params: Any) -> list[Row]:
        """Run one named write query as an auto-commit transaction (one round trip) and return its rows.

        For a query that batches its own transactions (`CALL ... IN TRANSACTIONS`), and for a single statement
        whose caller wants the cheapest write (the database spends less CPU than on a managed transaction: no
        begin and commit messages). Not retried: only for callers that can tell, after a failure, whether it
        committed, or that can simply run it again.
        """
        with self._translate(), self._session(neo4j.WRITE_ACCESS) as session:
            self.round_trips += 1
            return _rows(session.run(queries.load(query), params))

    def run_schema(self, statement: str) -> None:
        """Run one schema statement from a migration file in an auto-commit transaction."""
        with self._translate(), self._session(neo4j.WRITE_ACCESS) as session:
            self.round_trips += 1
            session.run(statement).consume()

    def explain(self, name: str) -> list[str]:
        """EXPLAIN a named query against the database, returning the operator names of its plan."""
        with self._translate(), self._session(neo4j.READ_ACCESS) as session:
            summary = session.run("EXPLAIN " + queries.load(name)).consume()
        operators: list[str] = []
        stack = [summary.plan] if summary.plan else []
        while stack:
            plan = stack.pop()
            operators.append(plan.get("operatorType", ""))
            stack.extend(plan.get("children", []))
        return operators

    # -- internals -------------------------------------------------------------------------------
    def _session(self, access: str) -> neo4j.Session:
        return self._driver.session(database=self.settings.neo4j_database, default_access_mode=access)

    def _translate(self) -> "_ErrorTranslation":
        return _ErrorTranslation(self.settings)


class _ErrorTranslation:
    """Turns driver exceptions into one-line errors that name the setting to fix."""

    def __init__(self, settings: Settings) -> None:
        self.settings = settings

    def __enter__(self) -> None:
        return None

    def __exit__(self, kind: type | None, error: BaseException | None, tb: object) -> bool:
        if error is None:
            return False
        uri = self.settings.bolt_uri
        where = "NEO4J_URI" if not self.settings.is_embedded else "the embedded database (hub db start)"
        if isinstance(error, neo4j_errors.AuthError):
            raise GraphUnavailable(
                f"Neo4j at {uri} refused the credentials: set NEO4J_USER and NEO4J_PASSWORD to the right ones"
            ) from None
        if isinstance(error, (neo4j_errors.ServiceUnavailable, neo4j_errors.SessionExpired, OSError)):
            raise GraphUnavailable(
                f"cannot reach Neo4j at {uri}: start {where} or point NEO4J_URI at a running Neo4j 5"
            ) from None
        if isinstance(error, neo4j_errors.ConstraintError):
            raise ConstraintViolation(str(error.message)) from error
        if isinstance(error, neo4j_errors.ClientError) and "DatabaseNotFound" in (error.code or ""):
            raise GraphUnavailable(
                f"Neo4j at {uri} has no database {self.settings.neo4j_database!r}: fix NEO4J_DATABASE"
            ) from None
        if isinstance(error, neo4j_errors.Neo4jError):
            raise GraphError(f"{error.code}: {error.message}") from error
        if isinstance(error, neo4j_errors.DriverError):
            raise GraphError(str(error)) from error
        return False


def batched(rows: Iterable[T], size: int) -> Iterator[list[T]]:
    """Yield lists of at most `size` items from `rows`."""
    batch: list[T] = []
    for row in rows:
        batch.append(row)
        if len(batch) >= size:
            yield batch
            batch = []
    if batch:
        yield batch


def wait_until_available(port: GraphPort, *, timeout_s: float, alive: Callable[[], bool]) -> None:
    """Poll until Neo4j answers, `alive()` turns false, or the timeout passes (raising GraphUnavailable)."""
    deadline = time.monotonic() + timeout_s
    while True:
        try:
            port.verify()
            return
        except GraphUnavailable:
            if not alive() or time.monotonic() > deadline:
                raise
            time.sleep(0.5)

