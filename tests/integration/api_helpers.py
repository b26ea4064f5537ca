"""Helpers for API tests: users of each role with their tokens, and request headers."""

from __future__ import annotations

from datetime import timedelta

from core.settings import Settings
from domain.access import Role
from graph.port import GraphPort
from graph.reference import seed_reference
from graph.users import add_user, issue_token

JUSTIFICATION = "Case enquiry for test purposes"
GMP = "E23000005"  # Greater Manchester Police
WYP = "E23000010"  # West Yorkshire Police


def token_for(port: GraphPort, settings: Settings, role: Role, *, force: str | None = None,
              user: str | None = None) -> str:
    """Create a user in this role (forces need the reference data seeded) and return a one-hour token."""
    name = user or f"{role.value.replace('_', '-')}-{(force or 'hub').lower()}"
    if force is not None:
        seed_reference(port)  # idempotent: the force must exist
    add_user(port, user=name, role=role, force=force, by="test")
    return issue_token(port, user=name, secret=settings.jwt_secret, ttl=timedelta(hours=1))


def headers(token: str, justification: str | None = JUSTIFICATION) -> dict[str, str]:
    """Authorization and justification headers for a request."""
    result = {"Authorization": f"Bearer {token}"}
    if justification:
        result["X-Justification"] = justification
    return result
