"""What every command shares: settings, the console, and one-line errors instead of stack traces."""

from __future__ import annotations

import functools
from collections.abc import Callable
from typing import TYPE_CHECKING, ParamSpec, TypeVar

import typer
from rich.console import Console

from core.settings import ConfigurationError, Settings, load_settings
from domain.policy_files import PolicyError
from graph.reference import ReferenceError
from graph.port import GraphError, GraphPort

if TYPE_CHECKING:
    from graph.audit import AuditEvent

console = Console(highlight=False, soft_wrap=True)
errors = Console(stderr=True, highlight=False, soft_wrap=True)
P = ParamSpec("P")
R = TypeVar("R")


def fail(message: str, code: int = 1) -> typer.Exit:
    """Print one clear error line and return the Exit to raise."""
    errors.print(f"[bold red]error:[/] {message}")
    return typer.Exit(code)


def friendly(command: Callable[P, R]) -> Callable[P, R]:
    """Turn configuration and database errors raised by a command into one line and exit status 1."""

    @functools.wraps(command)
    def wrapper(*args: P.args, **kwargs: P.kwargs) -> R:
        try:
            return command(*args, **kwargs)
        except (ConfigurationError, GraphError, ReferenceError, PolicyError) as exc:
            raise fail(str(exc)) from None

    return wrapper


def settings() -> Settings:
    """Build the settings once per command from the environment."""
    return load_settings()


def connected_settings() -> Settings:
    """Settings pointing at the Neo4j to use: NEO4J_URI, or the embedded database that is running."""
    from graph.embedded import EmbeddedNeo4j

    config = settings()
    if not config.is_embedded:
        return config
    database = EmbeddedNeo4j(config)
    state = database.status()
    if not state.running or not state.uri:
        raise ConfigurationError("the embedded Neo4j is not running: run `hub db start` first, or set NEO4J_URI")
    return database.connection_settings(state.uri)


def open_port(config: Settings, *, migrate: bool = False) -> GraphPort:
    """Open the graph port and check Neo4j answers, so a bad setting fails before any work.

    With `migrate`, pending schema migrations are applied first (commands that write need them).
    """
    from graph import migrations
    from graph.reference import seed_reference

    port = GraphPort(config)
    try:
        port.verify()
        if migrate:
            migrations.migrate(port)
            seed_reference(port)
    except GraphError:
        port.close()
        raise
    return port


def command_event(*, by: str, operation: str, command: str, node_ids: list[str], why: str = "",
                  recipient: str | None = None) -> "AuditEvent":
    """The audit event (s62) of something done from the command line.

    The actor is the `--by` given (else the login name); the role is `command_line`, the hub's own operators.
    """
    import getpass

    from graph.audit import AuditEvent, Operation

    return AuditEvent(
        actor=by or getpass.getuser(), role="command_line", operation=Operation(operation), target=f"hub {command}",
        node_ids=tuple(node_ids), justification=why or None, recipient=recipient,
    )


def audit(port: GraphPort, *, by: str, operation: str, command: str, node_ids: list[str], why: str = "",
          recipient: str | None = None) -> None:
    """Write the audit entry of a change or disclosure made from the command line, before reporting success."""
    from graph.audit import append_in

    event = command_event(by=by, operation=operation, command=command, node_ids=node_ids, why=why,
                          recipient=recipient)
    port.write_unit(lambda tx: append_in(tx, [event]))


MAX_AUDITED_IDS = 10_000


def audit_export(port: GraphPort, *, what: str, ids: list[str], out: object) -> None:
    """Log an export of personal data as a disclosure to the file (or standard output) it went to."""
    listed = [str(i) for i in ids if i][:MAX_AUDITED_IDS]
    note = "" if len(ids) <= MAX_AUDITED_IDS else f" (first {MAX_AUDITED_IDS:,} of {len(ids):,} ids listed)"
    audit(port, by="", operation="disclosure", command=f"export {what}{note}", node_ids=listed,
          recipient=str(out) if out else "standard output")
