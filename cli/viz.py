"""`hub viz`: write the network page of an account, person, victim, case or campaign to a file."""

from __future__ import annotations

import getpass
from pathlib import Path
from typing import Annotated, Optional

import typer

from cli.common import connected_settings, console, fail, friendly, open_port
from domain.access import Principal, Role
from graph.audit import AuditEvent, AuditTrail, Operation
from visualisations.network_pages import MAX_DEPTH, network_page

CLI_WITHHOLDS = "contact details are withheld from pages written by hub viz"


@friendly
def viz(
    kind: Annotated[str, typer.Argument(help="What the page is centred on: account, person, victim, case or campaign.")],
    node_id: Annotated[str, typer.Argument(metavar="ID", help="Its id, e.g. x:some_handle or a case id.")],
    out: Annotated[Path, typer.Option(help="HTML file to write (one self-contained page, nothing fetched).")],
    depth: Annotated[int, typer.Option(min=1, max=MAX_DEPTH, help="Hops out from the centre.")] = 2,
    as_force: Annotated[Optional[str], typer.Option(
        "--as-force", help="Draw only what an officer of this force (ONS code, e.g. E23000005) may see.")] = None,
) -> None:
    """Write the network page the API serves at /networks/KIND/ID: as the hub sees it, or as one force would.

    Contact details are always withheld. The page is recorded in the audit trail as a consultation.
    """
    if kind not in ("account", "person", "victim", "case", "campaign"):
        raise fail(f"kind must be account, person, victim, case or campaign, not {kind!r}", code=2)
    user = getpass.getuser()
    principal = (Principal(user=user, role=Role.FORCE_OFFICER, force=as_force) if as_force
                 else Principal(user=user, role=Role.HUB_ANALYST))
    with open_port(connected_settings()) as port:
        page = network_page(port, kind=kind, node_id=node_id, depth=depth, principal=principal,
                            withhold_contacts=CLI_WITHHOLDS)
        if page is None:
            seen = f" that force {as_force} may see" if as_force else ""
            raise fail(f"no {kind} {node_id!r}{seen}")
        trail = AuditTrail(port)
        try:
            trail.record(AuditEvent.by(principal, Operation.CONSULTATION, f"hub viz {kind} {node_id} --depth {depth}",
                                       node_ids=page.node_ids, details=f"written to {out}"))
        finally:
            trail.close()
    out.write_text(page.html, encoding="utf-8")
    console.print(f"{out}: {kind} {node_id}, {page.shown} nodes" + (f" ({page.notice})" if page.notice else ""))
