"""`hub users` and `hub token`: add, list, disable users; issue tokens and keys that the API accepts."""

from __future__ import annotations

import pytest
import typer
from typer.testing import CliRunner

from cli import access
from core.settings import Settings
from domain.tokens import read_jwt
from graph.port import GraphPort
from graph.users import Authenticator


@pytest.fixture
def hub(graph: GraphPort, neo4j_settings: Settings, monkeypatch: pytest.MonkeyPatch):
    monkeypatch.setenv("NEO4J_URI", neo4j_settings.bolt_uri)
    monkeypatch.setenv("HUB_SECRET_KEY", neo4j_settings.jwt_secret)
    if neo4j_settings.neo4j_password:
        monkeypatch.setenv("NEO4J_PASSWORD", neo4j_settings.neo4j_password.get_secret_value())
    app = typer.Typer()
    app.add_typer(access.users_app, name="users")
    app.add_typer(access.token_app, name="token")
    runner = CliRunner()

    def run(*args: str, code: int = 0) -> str:
        result = runner.invoke(app, list(args))
        assert result.exit_code == code, result.output
        return result.output

    return run


def test_users_and_tokens_from_the_command_line(hub, graph: GraphPort, neo4j_settings: Settings) -> None:
    hub("users", "add", "j.smith@gmp", "--role", "force_officer", "--force", "E23000005", "--by", "admin")
    hub("users", "add", "web-form", "--role", "intake", "--by", "admin")
    assert "not a police force area" in hub("users", "add", "x@y", "--role", "force_officer", "--force", "nope",
                                             code=1)
    token = hub("token", "issue", "j.smith@gmp", "--ttl", "2h").strip()
    principal = read_jwt(token, secret=neo4j_settings.jwt_secret)
    assert (principal.user, principal.force) == ("j.smith@gmp", "E23000005")
    key = hub("token", "issue", "web-form", "--api-key", "--label", "web form").strip().splitlines()[-1]
    authenticator = Authenticator(graph, neo4j_settings.jwt_secret, ttl_s=0)
    assert authenticator.authenticate(key).user == "web-form"
    listing = hub("users", "list")
    assert "j.smith@gmp" in listing and "force_officer" in listing and key[4:16] in listing
    hub("users", "disable", "j.smith@gmp", "--by", "admin")
    assert "disabled" in hub("token", "issue", "j.smith@gmp", code=1)
    hub("token", "revoke", key[4:16], "--by", "admin")
    assert "--ttl" in hub("token", "issue", "--help")
    assert "not a lifetime" in hub("token", "issue", "web-form", "--ttl", "forever", code=2)
