"""One typed settings object, built once at start-up from the environment and passed in."""

from __future__ import annotations

from functools import cached_property
from pathlib import Path
from typing import Literal

from pydantic import AliasChoices, Field, SecretStr, field_validator, model_validator
from pydantic_settings import BaseSettings, SettingsConfigDict

EMBEDDED_HOST = "127.0.0.1"
DEVELOPMENT_SECRET = "development-only-secret-change-me"


class ConfigurationError(Exception):
    """A setting is missing or wrong; the message names the setting and the fix."""


def _parse_memory(value: str) -> int:
    """Return the number of bytes in a size such as '512m', '2g' or '1073741824'."""
    text = value.strip().lower()
    units = {"k": 1024, "m": 1024**2, "g": 1024**3}
    if text and text[-1] in units:
        return int(float(text[:-1]) * units[text[-1]])
    return int(text)


class Settings(BaseSettings):
    """Everything the platform reads from its environment."""

    model_config = SettingsConfigDict(extra="ignore", populate_by_name=True)

    environment: Literal["development", "test", "production"] = Field(
        "development", validation_alias=AliasChoices("HUB_ENV")
    )

    # Any Neo4j 5: unset NEO4J_URI means the embedded database that `hub db start` runs.
    neo4j_uri: str | None = Field(None, validation_alias=AliasChoices("NEO4J_URI"))
    neo4j_user: str = Field("neo4j", validation_alias=AliasChoices("NEO4J_USER"))
    neo4j_password: SecretStr | None = Field(None, validation_alias=AliasChoices("NEO4J_PASSWORD"))
    neo4j_database: str = Field("neo4j", validation_alias=AliasChoices("NEO4J_DATABASE"))
    neo4j_connect_timeout_s: float = Field(10.0, validation_alias=AliasChoices("NEO4J_CONNECT_TIMEOUT"))

    # The embedded database: defaults suit a 2-core, 24 GiB machine.
    data_dir: Path = Field(Path(".hub"), validation_alias=AliasChoices("HUB_DATA_DIR"))
    embedded_port: int = Field(7687, ge=1, le=65535, validation_alias=AliasChoices("HUB_NEO4J_PORT"))
    embedded_heap: str = Field("4g", validation_alias=AliasChoices("HUB_NEO4J_HEAP"))
    embedded_pagecache: str = Field("4g", validation_alias=AliasChoices("HUB_NEO4J_PAGECACHE"))
    embedded_tx_memory: str = Field("3g", validation_alias=AliasChoices("HUB_NEO4J_TX_MEMORY"))
    embedded_start_timeout_s: float = Field(180.0, validation_alias=AliasChoices("HUB_NEO4J_START_TIMEOUT"))

    # The API.
    api_host: str = Field("127.0.0.1", validation_alias=AliasChoices("HUB_API_HOST"))
    api_port: int = Field(8000, ge=1, le=65535, validation_alias=AliasChoices("HUB_API_PORT"))
    secret_key: SecretStr | None = Field(None, validation_alias=AliasChoices("HUB_SECRET_KEY"))
    rate_limit_per_minute: int = Field(600, ge=1, validation_alias=AliasChoices("HUB_RATE_LIMIT_PER_MINUTE"))
    rate_limit_burst: int = Field(120, ge=1, validation_alias=AliasChoices("HUB_RATE_LIMIT_BURST"))
    api_threads: int = Field(32, ge=1, le=512, validation_alias=AliasChoices("HUB_API_THREADS"))
    # Worker processes `hub serve` runs. One process runs Python on one core at a time; the API spends more
    # CPU per request than the database, so a server with more cores answers more requests with more workers.
    api_workers: int = Field(1, ge=1, le=64, validation_alias=AliasChoices("HUB_API_WORKERS"))
    # While five or more GraphQL requests are running in a worker, its audit writer waits this long for their
    # entries before committing, so that one commit carries several (graph/audit.py); 0 turns it off.
    audit_commit_delay_ms: float = Field(20.0, ge=0, le=1000, validation_alias=AliasChoices("HUB_AUDIT_COMMIT_DELAY_MS"))

    # Complainant updates: the sender they go through. Only `outbox` is built in: it writes each message to the
    # outbox in the graph, which the workbench shows (nothing leaves the machine).
    update_sender: Literal["outbox"] = Field("outbox", validation_alias=AliasChoices("HUB_UPDATE_SENDER"))

    # Intake.
    batch_size: int = Field(500, ge=1, le=50_000, validation_alias=AliasChoices("HUB_BATCH_SIZE"))

    @field_validator("embedded_heap", "embedded_pagecache", "embedded_tx_memory")
    @classmethod
    def _memory_size(cls, value: str) -> str:
        try:
            _parse_memory(value)
        except ValueError as exc:
            raise ValueError(f"{value!r} is not a size such as 512m or 4g") from exc
        return value

    @field_validator("neo4j_uri")
    @classmethod
    def _uri_scheme(cls, value: str | None) -> str | None:
        if value is None or not value.strip():
            return None
        schemes = ("bolt://", "bolt+s://", "bolt+ssc://", "neo4j://", "neo4j+s://", "neo4j+ssc://")
        if not value.startswith(schemes):
            raise ValueError(f"{value!r} must start with one of {', '.join(schemes)}")
        return value.strip()

    @model_validator(mode="after")
    def _no_default_secret_outside_development(self) -> "Settings":
        if self.environment != "development":
            self.require_real_secret()
        return self

    def require_real_secret(self) -> None:
        """Raise ValueError unless HUB_SECRET_KEY is a real secret (needed everywhere but development)."""
        secret = self.secret_key.get_secret_value() if self.secret_key else ""
        if not secret or secret == DEVELOPMENT_SECRET or len(secret) < 32:
            raise ValueError(
                f"HUB_SECRET_KEY must be set to a random value of at least 32 characters when HUB_ENV={self.environment}"
            )

    @property
    def is_embedded(self) -> bool:
        """True when no NEO4J_URI is set and the embedded database is meant."""
        return self.neo4j_uri is None

    @property
    def bolt_uri(self) -> str:
        """The URI the driver connects to: NEO4J_URI, or the embedded database's Bolt address."""
        return self.neo4j_uri or f"bolt://{EMBEDDED_HOST}:{self.embedded_port}"

    @cached_property
    def embedded_dir(self) -> Path:
        """The folder holding the embedded database's store, logs and pid file."""
        return (self.data_dir / "neo4j").resolve()

    @property
    def jwt_secret(self) -> str:
        """The signing key for tokens; the development placeholder only outside production."""
        if self.secret_key is not None:
            return self.secret_key.get_secret_value()
        return DEVELOPMENT_SECRET

    def memory_bytes(self, which: Literal["heap", "pagecache", "tx"]) -> int:
        """Return one embedded memory setting in bytes."""
        value = {"heap": self.embedded_heap, "pagecache": self.embedded_pagecache, "tx": self.embedded_tx_memory}[
            which
        ]
        return _parse_memory(value)


def load_settings(**overrides: object) -> Settings:
    """Build the settings from the environment, turning validation errors into one clear message."""
    from pydantic import ValidationError

    try:
        return Settings(**overrides)
    except ValidationError as exc:
        problems = []
        for error in exc.errors():
            field = ".".join(str(part) for part in error["loc"]) or "settings"
            alias = _ENV_NAMES.get(field, field)
            problems.append(f"{alias}: {error['msg'].removeprefix('Value error, ')}")
        raise ConfigurationError("; ".join(problems)) from None


_ENV_NAMES = {
    name: str(field.validation_alias.choices[0])
    for name, field in Settings.model_fields.items()
    if isinstance(field.validation_alias, AliasChoices)
}
