"""`hub demo`: the platform on the embedded database, with demo data, in one command."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path
from typing import Annotated

import typer

from cli import db
from cli.assess import policies
from cli.common import command_event, connected_settings, console, friendly, open_port
from cli.progress import progress_bar
from cli.serve import serve
from domain.access import Role
from graph import updates
from graph.networks import run_all
from graph.port import GraphPort
from graph.users import add_user, issue_token, list_users
from loaders.load import load_files
from loaders.sources import count_lines

DEMO_REPORTS = 3000
DEMO_SEED = 2026
DEMO_USERS = (
    ("demo-lead", Role.HUB_LEAD, None),
    ("demo-officer", Role.HUB_OFFICER, None),
    ("demo-analyst", Role.HUB_ANALYST, None),
    ("demo-gmp", Role.FORCE_OFFICER, "E23000005"),
    ("demo-auditor", Role.AUDITOR, None),
)


def demo_tokens(graph: GraphPort, *, secret: str) -> list[tuple[str, str, str]]:
    """Create the demo users once and return (user, role, an 8-hour token) for each."""
    known = {row["id"] for row in list_users(graph)}
    tokens = []
    for user, role, force in DEMO_USERS:
        if user not in known:
            add_user(graph, user=user, role=role, force=force, name=f"Demo {role.value}", by="hub demo")
        tokens.append((user, role.value, issue_token(graph, user=user, secret=secret, ttl=timedelta(hours=8))))
    return tokens


@friendly
def demo(
    port: Annotated[int, typer.Option(help="Port for the API.")] = 8000,
    reports: Annotated[int, typer.Option(help="How many demo reports to generate (once).")] = DEMO_REPORTS,
) -> None:
    """Start the embedded Neo4j, load demo data (idempotently), find networks, and serve the API."""
    from loaders.generate import write_generated_stream

    db.start(port=None, data_dir=None)
    config = connected_settings()
    folder = config.data_dir / "demo" / f"reports-{reports}-seed-{DEMO_SEED}"
    if not (folder / "truth.json").is_file():
        with console.status(f"generating {reports} demo reports..."):
            write_generated_stream(reports, DEMO_SEED, folder)
    source = folder / "reports.jsonl"
    with open_port(config, migrate=True) as graph, progress_bar("reports") as bar:
        task = bar.add_task("loading demo data", total=count_lines(Path(source)))
        summary = load_files(graph, [source], rejects=folder / "rejects.csv", batch_size=config.batch_size,
                             progress=lambda done: bar.advance(task, done), policies=policies(),
                             collected_by=lambda path, ids: command_event(
                                 by="hub demo", operation="collection", command=f"demo {path.name}", node_ids=ids))
        networks = run_all(graph)
        due = updates.refresh(graph)  # the complainant updates the key events so far call for
        tokens = demo_tokens(graph, secret=config.jwt_secret)
    console.print(
        f"demo data: {summary.created} new, {summary.unchanged} already loaded; "
        f"{networks.campaigns} campaigns, {networks.communities} communities; "
        f"{due.statuses.get('due', 0)} complainant updates due"
    )
    console.print("demo users and 8-hour tokens (send as `Authorization: Bearer <token>`, with an "
                  "`X-Justification` header saying why you look at personal data):")
    for user, role, token in tokens:
        console.print(f"  {user} ({role}): {token}")
    console.print("demo ready; Ctrl-C stops the API (`hub db stop` stops the database)")
    serve(host=None, port=port)
