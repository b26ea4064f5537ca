"""The Cypher catalogue: one query per file under cypher/, loaded by name."""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

CYPHER_DIR = Path(__file__).resolve().parent.parent / "cypher"


class UnknownQuery(KeyError):
    """No file under cypher/ has that name."""


@lru_cache(maxsize=None)
def load(name: str) -> str:
    """Return the text of `cypher/<name>.cypher`, e.g. load("intake/upsert_reports")."""
    if ".." in name or name.startswith("/"):
        raise UnknownQuery(name)
    path = CYPHER_DIR / f"{name}.cypher"
    if not path.is_file():
        raise UnknownQuery(f"no query file cypher/{name}.cypher")
    return path.read_text(encoding="utf-8")


def all_names() -> list[str]:
    """Return the name of every query file, migrations excluded, sorted."""
    return sorted(
        str(path.relative_to(CYPHER_DIR).with_suffix(""))
        for path in CYPHER_DIR.rglob("*.cypher")
        if "migrations" not in path.relative_to(CYPHER_DIR).parts
    )


def migration_files() -> list[Path]:
    """Return the versioned migration files in the order they apply."""
    return sorted((CYPHER_DIR / "migrations").glob("V*.cypher"))


def split_statements(text: str) -> list[str]:
    """Split a migration file into its statements (separated by ';' at line ends), comments dropped."""
    lines = [line for line in text.splitlines() if not line.strip().startswith("//")]
    statements = [chunk.strip() for chunk in "\n".join(lines).split(";\n")]
    return [statement.rstrip(";").strip() for statement in statements if statement.rstrip(";").strip()]
