"""Users and their credentials: who may call the API, in which role, and whether they still may."""

from __future__ import annotations

import re
import time
from dataclasses import dataclass, field
from datetime import timedelta
from threading import Lock

from domain.access import Principal, Role
from domain.tokens import InvalidToken, issue_jwt, new_api_key, read_jwt, secret_matches, split_api_key
from graph.port import ConstraintViolation, GraphError, GraphPort, Row
from graph.reference import force_names

USER_ID = re.compile(r"^[a-z0-9][a-z0-9._@-]{1,63}$")


class UserError(GraphError):
    """A user could not be added or changed; the message says why."""


def add_user(port: GraphPort, *, user: str, role: Role, force: str | None = None, name: str | None = None,
             by: str) -> Row:
    """Create a user (ids are lower case: letters, digits, `.`, `_`, `@`, `-`); a force officer names a force."""
    if not USER_ID.match(user):
        raise UserError(f"user id {user!r} must be 2-64 lower-case letters, digits, '.', '_', '@' or '-'")
    try:
        Principal(user=user, role=role, force=force)
    except ValueError as failure:
        raise UserError(str(failure)) from None
    if force is not None and force not in force_names(port):
        raise UserError(f"force {force!r} is not a police force area code (see reference/police_force_areas.csv)")
    try:
        return port.write("access/add_user", id=user, role=role.value, force=force, name=name, by=by)[0]["user"]
    except ConstraintViolation:
        raise UserError(f"user {user!r} already exists") from None


def list_users(port: GraphPort) -> list[Row]:
    """Return every user with the ids of their live API keys."""
    return [row["user"] for row in port.read("access/list_users")]


def set_active(port: GraphPort, *, user: str, active: bool, by: str) -> Row:
    """Enable or disable a user; disabling stops their tokens and keys at once."""
    rows = port.write("access/set_user_active", id=user, active=active, by=by)
    if not rows:
        raise UserError(f"no user {user!r}")
    return rows[0]["user"]


def issue_token(port: GraphPort, *, user: str, secret: str, ttl: timedelta) -> str:
    """Return a signed bearer token for an active user."""
    return issue_jwt(_principal(_user(port, user)), secret=secret, ttl=ttl)[0]


def issue_api_key(port: GraphPort, *, user: str, label: str | None = None) -> tuple[str, str]:
    """Create an API key for an active user; return (key id, the key itself, shown only now)."""
    _user(port, user)
    key = new_api_key()
    port.write("access/add_api_key", user=user, id=key.key_id, secret_hash=key.secret_hash, label=label)
    return key.key_id, key.token


def revoke_api_key(port: GraphPort, *, key_id: str, by: str) -> str:
    """Revoke an API key; return the user it belonged to."""
    rows = port.write("access/revoke_api_key", id=key_id, by=by)
    if not rows:
        raise UserError(f"no API key {key_id!r}")
    return rows[0]["user"]


def _user(port: GraphPort, user: str) -> Row:
    rows = port.read("access/user", id=user)
    if not rows:
        raise UserError(f"no user {user!r}")
    record = rows[0]["user"]
    if not record.get("active"):
        raise UserError(f"user {user!r} is disabled")
    return record


def _principal(record: Row, credential: str = "") -> Principal:
    return Principal(user=record["id"], role=Role(record["role"]), force=record.get("force"), credential=credential)


@dataclass
class Authenticator:
    """Turns a bearer credential into a principal, checking the user is still active.

    A user's state is cached for `ttl_s` seconds (default 5), so a disabled user or revoked key stops working
    within that time without a database read on every request.
    """

    port: GraphPort
    secret: str
    ttl_s: float = 5.0
    _cache: dict[str, tuple[float, Row | None]] = field(default_factory=dict, init=False)
    _lock: Lock = field(default_factory=Lock, init=False)

    def authenticate(self, credential: str) -> Principal:
        """Return the caller's principal; raise InvalidToken saying why the credential is refused."""
        parts = split_api_key(credential)
        if parts is not None:
            return self._api_key(*parts)
        claimed = read_jwt(credential, secret=self.secret)
        record = self._cached(f"user:{claimed.user}", lambda: self._read_user(claimed.user))
        if record is None or not record.get("active"):
            raise InvalidToken(f"user {claimed.user!r} is disabled or unknown")
        current = _principal(record, claimed.credential)
        if (current.role, current.force) != (claimed.role, claimed.force):
            raise InvalidToken("token no longer matches the user's role: issue a new one")
        return current

    def _api_key(self, key_id: str, secret: str) -> Principal:
        row = self._cached(f"key:{key_id}", lambda: self._read_key(key_id))
        if row is None or not secret_matches(secret, row["secret_hash"]):
            raise InvalidToken("API key is not valid")
        if row["revoked"]:
            raise InvalidToken("API key has been revoked")
        if not row["user"].get("active"):
            raise InvalidToken(f"user {row['user']['id']!r} is disabled")
        return _principal(row["user"], f"key:{key_id}")

    def _read_user(self, user: str) -> Row | None:
        rows = self.port.read("access/user", id=user)
        return rows[0]["user"] if rows else None

    def _read_key(self, key_id: str) -> Row | None:
        rows = self.port.read("access/api_key", id=key_id)
        return rows[0] if rows else None

    def _cached(self, key: str, load) -> Row | None:
        now = time.monotonic()
        with self._lock:
            hit = self._cache.get(key)
        if hit is not None and now - hit[0] < self.ttl_s:
            return hit[1]
        value = load()
        with self._lock:
            self._cache[key] = (now, value)
        return value
