"""The network page of one account, person, victim, case or campaign, as one caller may see it.

Shared by `GET /networks/{kind}/{id}` and `hub viz`: the graph read (confined to the caller's scope) and the
drawing (contact details redacted for the caller's role), nothing else.
"""

from __future__ import annotations

from domain.access import Principal
from graph.port import GraphPort
from graph.read.ego import KINDS, MAX_DEPTH, ego_network
from visualisations.cut import NODE_CAP
from visualisations.page import NetworkPage, render_network
from visualisations.style import NODE_STYLES

__all__ = ["KINDS", "MAX_DEPTH", "NetworkPage", "network_page"]


def network_page(port: GraphPort, *, kind: str, node_id: str, depth: int, principal: Principal,
                 cap: int = NODE_CAP, withhold_contacts: str | None = None) -> NetworkPage | None:
    """Return the page of the node's ego network `depth` hops out, or None when it is missing or out of scope.

    The two cases answer identically, so a caller cannot learn that a node exists outside their scope. Contact
    details follow the caller's role, unless `withhold_contacts` gives a reason to hide them whatever the role.
    """
    withheld = withhold_contacts or principal.contacts_withheld
    found = ego_network(port, kind=kind, node_id=node_id, depth=depth, scope=principal.scope,
                        contacts=withheld is None)
    if found is None:
        return None
    seen_by = principal.role.value + (f" of force {principal.force}" if principal.force else "")
    return render_network(
        ego=found.ego, nodes=found.nodes, edges=found.edges, cap=cap, walk_limited=found.walk_limited,
        title=f"Network of {NODE_STYLES[kind].name.lower()} {node_id}",
        subtitle=f"{depth} hop{'s' if depth > 1 else ''} out; as seen by {principal.user} ({seen_by})",
        contacts_withheld=withheld,
    )
