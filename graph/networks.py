"""Perpetrator networks written back into Neo4j: campaigns, communities with role scores, repeat offenders.

Each step reads a projection with Cypher, computes in pure code (`domain/campaigns.py`,
`domain/communities.py`, `domain/offenders.py`) and writes the results back in batches, so Cypher and
GraphQL can use them.
"""

from __future__ import annotations

import hashlib
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime, timezone
from itertools import combinations

from domain.campaigns import Campaign, Post, find_campaigns
from domain.textsim import normalise_text
from domain.communities import build_account_graph, detect_communities, role_scores
from domain.offenders import OffenderStats, rank_offenders
from graph.port import GraphPort, Row, batched

Progress = Callable[[str, int, int], None]
MIN_COPY_PASTE_ACCOUNTS = 5  # the same words from fewer accounts in a day is too common to call a campaign
MAX_GROUP = 200  # a victim or text targeted by more accounts than this adds no pairwise signal


@dataclass(frozen=True)
class NetworkSummary:
    """What a run found."""

    campaigns: int
    accounts_in_graph: int
    communities: int
    ranked: int


def find_and_write_campaigns(port: GraphPort, *, batch_size: int = 500) -> list[Campaign]:
    """Detect pile-ons and copy-paste campaigns over every reported item and write them as Campaign nodes."""
    posts = [_post(row) for row in port.read("networks/posts")]
    campaigns = find_campaigns(posts, min_copy_paste_accounts=MIN_COPY_PASTE_ACCOUNTS)
    port.write_autocommit("networks/clear_campaigns")
    rows = [
        {"id": c.id, "kind": c.kind, "start": c.start, "end": c.end, "strength": round(c.strength, 4),
         "evidence": list(c.evidence), "victims": sorted(c.victims), "accounts": sorted(c.accounts),
         "items": sorted(c.items)}
        for c in campaigns
    ]
    for batch in batched(rows, batch_size):
        port.write("networks/write_campaigns", rows=batch)
    return campaigns


def find_and_write_communities(port: GraphPort, *, batch_size: int = 5000, seed: int = 1) -> tuple[int, int]:
    """Build the account/person graph, detect communities, score roles and write them; return (nodes, communities)."""
    co_targeting = _pairs(row["accounts"] for row in port.read("networks/co_targeting", max_group=MAX_GROUP))
    co_posting = _pairs(row["accounts"] for row in port.read("networks/co_posting", max_group=MAX_GROUP))
    campaigns = _pairs(
        [account["id"] for account in row["accounts"]]
        for row in port.read("networks/campaign_members")
        if len(row["accounts"]) <= MAX_GROUP
    )
    controls = [(row["person"], row["account"], float(row["confidence"] or 1.0)) for row in port.read("networks/controlled_accounts")]
    graph = build_account_graph(co_targeting, co_posting, campaigns, controls)
    if graph.number_of_nodes() == 0:
        return 0, 0
    communities = detect_communities(graph, seed=seed)
    scores = role_scores(graph, communities, seed=seed)
    rows = [
        {"id": str(node), "community": s.community, "community_size": s.community_size, "degree": s.degree,
         "weighted_degree": s.weighted_degree, "pagerank": s.pagerank, "betweenness": s.betweenness}
        for node, s in scores.items()
    ]
    port.write_autocommit("networks/clear_communities")
    for batch in batched(rows, batch_size):
        port.write("networks/write_roles", rows=batch)
    return graph.number_of_nodes(), len(set(communities.values()))


def rank_and_write_offenders(port: GraphPort, *, today: date | None = None, batch_size: int = 5000) -> int:
    """Rank accounts and persons as repeat offenders and write score, rank and evidence on each."""
    today = today or datetime.now(timezone.utc).date()
    total = 0
    for kind, query in (("account", "networks/account_offender_stats"), ("person", "networks/person_offender_stats")):
        stats = [_stats(kind, row) for row in port.read(query)]
        ranked = rank_offenders(stats, today=today)
        rows = [{"subject": r.subject, "kind": r.kind, "score": round(r.score, 4), "rank": r.rank, "evidence": list(r.evidence)} for r in ranked]
        for batch in batched(rows, batch_size):
            port.write("networks/write_offender_ranks", rows=batch)
        total += len(rows)
    return total


def top_offenders(port: GraphPort, *, limit: int) -> list[Row]:
    """Return the top `limit` accounts and persons by repeat-offender rank."""
    return port.read("networks/top_offenders", limit=limit)


def campaign_members(port: GraphPort) -> list[Row]:
    """Return every campaign with its accounts, for export."""
    return port.read("networks/campaign_members")


def campaign_items(port: GraphPort) -> list[Row]:
    """Return every campaign with its items."""
    return port.read("networks/campaign_items")


def run_all(port: GraphPort, *, progress: Progress = lambda stage, done, total: None) -> NetworkSummary:
    """Campaigns, then communities (which use them), then repeat offenders."""
    progress("campaigns", 0, 3)
    campaigns = find_and_write_campaigns(port)
    progress("communities", 1, 3)
    nodes, communities = find_and_write_communities(port)
    progress("repeat offenders", 1, 3)
    ranked = rank_and_write_offenders(port)
    progress("done", 1, 3)
    return NetworkSummary(campaigns=len(campaigns), accounts_in_graph=nodes, communities=communities, ranked=ranked)


def _post(row: Row) -> Post:
    """Return an item as campaign detection sees it."""
    # An item has one author; two author nodes are one account given by handle and by display name: take one.
    return Post(
        item=row["item"], account=min(row["authors"], default=None), victim=_victim(row["victims"]), target_group=None,
        posted_at=row["posted_at"], text_group=row["text_group"] or _words_key(row["text"]), platform=row["platform"],
        cases=frozenset(row["cases"]), reported_at=min(row["received"], default=None),
    )


def _victim(keys: list[str]) -> str | None:
    """Return the victim key that says most: an e-mail before a phone before a name, then the most often named."""
    named = Counter(keys)
    rank = {"email": 0, "phone": 1, "name": 2}
    return min(named, key=lambda key: (rank.get(key.split(":", 1)[0], 3), -named[key], key), default=None)


def _words_key(text: str | None) -> str | None:
    """Group items by their normalised words, however short (campaigns are then cut by time)."""
    words = normalise_text(text) if text else ""
    return "words:" + hashlib.sha256(words.encode()).hexdigest()[:20] if words else None


def _pairs(groups) -> list[tuple[str, str, float]]:  # type: ignore[no-untyped-def]
    pairs: list[tuple[str, str, float]] = []
    for members in groups:
        unique = sorted(set(members))
        pairs.extend((a, b, 1.0) for a, b in combinations(unique, 2))
    return pairs


def _stats(kind: str, row: Row) -> OffenderStats:
    strands = tuple(sorted(row["strands"] or ()))
    return OffenderStats(
        subject=row["subject"], kind=kind, victims=row["victims"], reports=row["reports"], cases=row["cases"],  # type: ignore[arg-type]
        strands=len(strands), platforms=row["platforms"], last_seen=row["last_seen"], first_seen=row["first_seen"],
        strand_names=strands,
    )
