"""`hub users ...` and `hub token ...`: who may call the API, and their credentials."""

from __future__ import annotations

import getpass
from datetime import timedelta
from typing import Annotated, Optional

import typer

from cli.common import connected_settings, console, fail, friendly, open_port
from domain.access import Role
from graph.users import UserError, add_user, issue_api_key, issue_token, list_users, revoke_api_key, set_active

users_app = typer.Typer(help="Add, list, disable and enable API users.", no_args_is_help=True)
token_app = typer.Typer(help="Issue bearer tokens and API keys; revoke API keys.", no_args_is_help=True)

By = Annotated[str, typer.Option("--by", help="Who is making the change (default: your login name).")]
_UNITS = {"m": "minutes", "h": "hours", "d": "days"}


def _me() -> str:
    return getpass.getuser()


def parse_ttl(text: str) -> timedelta:
    """Return the lifetime in '30m', '8h' or '7d'."""
    number, unit = text[:-1], text[-1:].lower()
    if unit not in _UNITS or not number.isdigit() or int(number) <= 0:
        raise typer.BadParameter(f"{text!r} is not a lifetime such as 30m, 8h or 7d")
    return timedelta(**{_UNITS[unit]: int(number)})


@users_app.command("add")
@friendly
def add(
    user: Annotated[str, typer.Argument(help="User id, e.g. j.smith@gmp")],
    role: Annotated[Role, typer.Option(help="The user's role.")],
    force: Annotated[Optional[str], typer.Option(help="Force code (ONS, e.g. E23000005); force officers only.")] = None,
    name: Annotated[Optional[str], typer.Option(help="Display name.")] = None,
    by: By = "",
) -> None:
    """Add a user in one role; a force officer is bound to one force."""
    with open_port(connected_settings(), migrate=True) as port:
        try:
            add_user(port, user=user, role=role, force=force, name=name, by=by or _me())
        except UserError as failure:
            raise fail(str(failure)) from None
    console.print(f"added {user} as {role.value}" + (f" of force {force}" if force else ""))


@users_app.command("list")
@friendly
def list_() -> None:
    """List users: role, force, whether active, live API keys."""
    with open_port(connected_settings()) as port:
        rows = list_users(port)
    console.print(f"{'user':<32} {'role':<14} {'force':<10} {'active':<6} API keys")
    for row in rows:
        console.print(
            f"{row['id']:<32} {row['role']:<14} {row.get('force') or '-':<10} "
            f"{'yes' if row.get('active') else 'no':<6} {', '.join(row.get('keys') or []) or '-'}"
        )


def _set_active(user: str, active: bool, by: str) -> None:
    with open_port(connected_settings()) as port:
        try:
            set_active(port, user=user, active=active, by=by or _me())
        except UserError as failure:
            raise fail(str(failure)) from None
    console.print(f"{user} {'enabled' if active else 'disabled: their tokens and API keys stop working'}")


@users_app.command("disable")
@friendly
def disable(user: Annotated[str, typer.Argument(help="User id.")], by: By = "") -> None:
    """Disable a user: their tokens and keys are refused from now on (within 5 seconds on running servers)."""
    _set_active(user, False, by)


@users_app.command("enable")
@friendly
def enable(user: Annotated[str, typer.Argument(help="User id.")], by: By = "") -> None:
    """Enable a disabled user again."""
    _set_active(user, True, by)


@token_app.command("issue")
@friendly
def issue(
    user: Annotated[str, typer.Argument(help="User id.")],
    ttl: Annotated[str, typer.Option(help="Lifetime of a token: 30m, 8h, 7d (at most 30d).")] = "8h",
    api_key: Annotated[bool, typer.Option("--api-key", help="Make a revocable API key instead of a token.")] = False,
    label: Annotated[Optional[str], typer.Option(help="What the API key is for (with --api-key).")] = None,
) -> None:
    """Print a bearer token (signed with HUB_SECRET_KEY) or a new API key for an active user."""
    config = connected_settings()
    with open_port(config) as port:
        try:
            if api_key:
                key_id, token = issue_api_key(port, user=user, label=label)
                console.print(f"# API key {key_id} for {user}: shown once, store it now", style="dim")
            else:
                token = issue_token(port, user=user, secret=config.jwt_secret, ttl=parse_ttl(ttl))
        except (UserError, ValueError) as failure:
            raise fail(str(failure)) from None
    typer.echo(token)


@token_app.command("revoke")
@friendly
def revoke(key_id: Annotated[str, typer.Argument(help="API key id (the 12 characters after `hub_`).")],
           by: By = "") -> None:
    """Revoke an API key."""
    with open_port(connected_settings()) as port:
        try:
            user = revoke_api_key(port, key_id=key_id, by=by or _me())
        except UserError as failure:
            raise fail(str(failure)) from None
    console.print(f"revoked API key {key_id} of {user}")
