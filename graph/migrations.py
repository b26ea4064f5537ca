"""Versioned schema migrations: cypher/migrations/V<NNN>__<name>.cypher, applied once each, in order."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass

from graph import queries
from graph.port import GraphError, GraphPort


class MigrationDrift(GraphError):
    """A migration file changed after it was applied."""


@dataclass(frozen=True)
class Migration:
    """One migration file."""

    version: int
    name: str
    statements: tuple[str, ...]
    checksum: str


def available() -> list[Migration]:
    """Return every migration file under cypher/migrations, in version order."""
    migrations = []
    for path in queries.migration_files():
        version_text, _, name = path.stem.partition("__")
        text = path.read_text(encoding="utf-8")
        migrations.append(
            Migration(
                version=int(version_text.lstrip("V")),
                name=name,
                statements=tuple(queries.split_statements(text)),
                checksum=hashlib.sha256(text.encode()).hexdigest(),
            )
        )
    return migrations


def pending(port: GraphPort) -> list[Migration]:
    """Return the migrations not yet applied; raise MigrationDrift if an applied file has changed."""
    applied = {row["version"]: row["checksum"] for row in port.read("schema/applied_migrations")}
    waiting = []
    for migration in available():
        checksum = applied.get(migration.version)
        if checksum is None:
            waiting.append(migration)
        elif checksum != migration.checksum:
            raise MigrationDrift(
                f"migration V{migration.version:03d} ({migration.name}) changed after it was applied: "
                "add a new migration file instead of editing an applied one"
            )
    return waiting


def migrate(port: GraphPort) -> list[Migration]:
    """Apply every pending migration (each statement is idempotent) and return those applied now."""
    done = []
    for migration in pending(port):
        for statement in migration.statements:
            port.run_schema(statement)
        port.write("schema/record_migration", version=migration.version, name=migration.name, checksum=migration.checksum)
        done.append(migration)
    return done
