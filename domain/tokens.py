"""Bearer credentials: signed JWTs and API keys (only a hash of an API key's secret is ever stored)."""

from __future__ import annotations

import hashlib
import hmac
import secrets
import uuid
from dataclasses import dataclass
from datetime import datetime, timedelta, timezone

import jwt

from domain.access import Principal, Role

ALGORITHM = "HS256"
ISSUER = "hate-crime-hub"
API_KEY_PREFIX = "hub_"
MAX_TTL = timedelta(days=30)


class InvalidToken(Exception):
    """A bearer credential is malformed, expired, badly signed or revoked; the message says which."""


@dataclass(frozen=True)
class ApiKey:
    """A freshly made API key: `token` is shown once to its owner; only `key_id` and `secret_hash` are kept."""

    key_id: str
    token: str
    secret_hash: str


def issue_jwt(principal: Principal, *, secret: str, ttl: timedelta, now: datetime | None = None) -> tuple[str, str]:
    """Return a signed token for the principal and its id (jti); the ttl is capped at 30 days."""
    if ttl <= timedelta(0) or ttl > MAX_TTL:
        raise ValueError(f"token lifetime must be between 1 second and {MAX_TTL.days} days")
    issued = now or datetime.now(timezone.utc)
    token_id = uuid.uuid4().hex
    claims = {
        "iss": ISSUER,
        "sub": principal.user,
        "role": principal.role.value,
        "force": principal.force,
        "jti": token_id,
        "iat": int(issued.timestamp()),
        "exp": int((issued + ttl).timestamp()),
    }
    return jwt.encode(claims, secret, algorithm=ALGORITHM), token_id


def read_jwt(token: str, *, secret: str) -> Principal:
    """Return the principal a valid token names; raise InvalidToken saying what is wrong."""
    try:
        claims = jwt.decode(
            token, secret, algorithms=[ALGORITHM], issuer=ISSUER, options={"require": ["exp", "iat", "sub", "jti"]}
        )
    except jwt.ExpiredSignatureError:
        raise InvalidToken("token has expired") from None
    except jwt.InvalidTokenError as failure:
        raise InvalidToken(f"token is not valid: {failure}") from None
    try:
        return Principal(
            user=str(claims["sub"]), role=Role(claims.get("role")), force=claims.get("force"), credential=claims["jti"]
        )
    except ValueError as failure:
        raise InvalidToken(f"token is not valid: {failure}") from None


def new_api_key() -> ApiKey:
    """Make a random API key `hub_<id>_<secret>`."""
    key_id = secrets.token_hex(6)
    secret = secrets.token_urlsafe(32)
    return ApiKey(key_id=key_id, token=f"{API_KEY_PREFIX}{key_id}_{secret}", secret_hash=hash_secret(secret))


def split_api_key(token: str) -> tuple[str, str] | None:
    """Return (key id, secret) when the token has an API key's shape, else None."""
    if not token.startswith(API_KEY_PREFIX):
        return None
    key_id, sep, secret = token[len(API_KEY_PREFIX):].partition("_")
    if not sep or len(key_id) != 12 or not secret:
        return None
    return key_id, secret


def hash_secret(secret: str) -> str:
    """Return the SHA-256 of an API key's secret (the secret is 256 random bits, so no slow hash is needed)."""
    return hashlib.sha256(secret.encode()).hexdigest()


def secret_matches(secret: str, stored_hash: str) -> bool:
    """Compare a presented secret with the stored hash in constant time."""
    return hmac.compare_digest(hash_secret(secret), stored_hash)
