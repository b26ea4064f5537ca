"""The `hub` command."""

from __future__ import annotations

import typer

from cli import access, assess, attribute, audit, db, dedupe, demo, export, generate, guidance, intel, load, networks
from cli import notices, packages, reference, referrals, serve, updates, viz

app = typer.Typer(
    help="National online hate crime hub: graph intelligence platform.",
    no_args_is_help=True,
    pretty_exceptions_enable=False,
)
app.add_typer(db.app, name="db")
app.command("serve")(serve.serve)
app.command("generate")(generate.generate)
app.command("load")(load.load)
app.command("dedupe")(dedupe.dedupe)
app.add_typer(dedupe.review_app, name="review")
app.command("networks")(networks.networks)
app.add_typer(export.app, name="export")
app.command("demo")(demo.demo)
app.command("assess")(assess.assess)
app.command("assign")(assess.assign)
app.command("reassign")(assess.reassign)
app.command("override")(assess.override)
app.command("override-undo")(assess.undo_override)
app.command("explain")(assess.explain)
app.add_typer(reference.app, name="reference")
export.app.command("assignments")(assess.export_assignments)
app.command("attribute")(attribute.attribute)
app.add_typer(attribute.attribution_app, name="attribution")
export.app.command("attributions")(attribute.export_attributions)
app.add_typer(access.users_app, name="users")
app.add_typer(access.token_app, name="token")
app.add_typer(audit.app, name="audit")
app.add_typer(notices.app, name="notices")
app.add_typer(referrals.app, name="refer")
app.add_typer(packages.app, name="package")
app.add_typer(updates.app, name="updates")
app.add_typer(intel.app, name="intel")
app.add_typer(guidance.app, name="guidance")
app.add_typer(guidance.leads_app, name="leads")
app.command("viz")(viz.viz)
