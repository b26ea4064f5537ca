"""Test session: a real Neo4j (the embedded one on a free port, or NEO4J_URI where set), migrated once."""

from __future__ import annotations

import os
import shutil
import tempfile
from collections.abc import Iterator
from pathlib import Path

import pytest
from pydantic import SecretStr

from core.settings import Settings, load_settings
from graph import migrations
from graph.embedded import EmbeddedNeo4j, free_port
from graph.port import GraphPort

FIXTURES = Path(__file__).parent / "fixtures"
TEST_SECRET = "test-only-signing-key-" + "0123456789abcdef" * 3


@pytest.fixture(scope="session")
def neo4j_settings() -> Iterator[Settings]:
    """Settings for a real, migrated Neo4j that lives as long as the test session."""
    base = load_settings().model_copy(
        update={"environment": "test", "secret_key": SecretStr(TEST_SECRET), "rate_limit_per_minute": 100_000,
                "rate_limit_burst": 10_000}
    )
    if base.neo4j_uri:
        yield base
        return
    data_dir = Path(tempfile.mkdtemp(prefix="hub-test-"))
    config = base.model_copy(
        update={
            "embedded_heap": os.environ.get("HUB_TEST_NEO4J_HEAP", "1g"),
            "embedded_pagecache": os.environ.get("HUB_TEST_NEO4J_PAGECACHE", "512m"),
            "embedded_tx_memory": os.environ.get("HUB_TEST_NEO4J_TX_MEMORY", "700m"),
        }
    )
    database = EmbeddedNeo4j(config, data_dir=data_dir, port=free_port())
    uri, _ = database.start(say=lambda message: None)
    try:
        yield database.connection_settings(uri)
    finally:
        database.stop()
        shutil.rmtree(data_dir, ignore_errors=True)


@pytest.fixture(scope="session")
def session_port(neo4j_settings: Settings) -> Iterator[GraphPort]:
    """One port for the whole session, with the schema migrated."""
    port = GraphPort(neo4j_settings)
    migrations.migrate(port)
    yield port
    port.close()


@pytest.fixture
def graph(session_port: GraphPort) -> Iterator[GraphPort]:
    """The port, on an empty graph (schema kept); whatever the test writes is removed afterwards."""
    session_port.write_autocommit("testing/delete_data")
    yield session_port
    session_port.write_autocommit("testing/delete_data")
