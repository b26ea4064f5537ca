"""Copy-paste evidence: the same words posted by different accounts, grouped (never merged as duplicates).

Online, an item joins the group of items with exactly the same normalised text. In batch, MinHash/LSH
also joins near-identical texts (a word changed or added); candidates come from LSH buckets, never from
comparing all pairs, and each candidate is checked by its Jaccard similarity before it joins.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from domain.textsim import LSHIndex, MinHasher, jaccard, shingles
from graph.port import GraphPort, Tx, batched

NEAR_DUPLICATE = 0.8  # Jaccard of word 3-shingles above which two texts are one copy-pasted text


@dataclass
class _Texts:
    """Items grouped by exact normalised text."""

    items: dict[str, list[str]]
    authors: dict[str, set[str]]
    sample: dict[str, str]


def link_items(tx: Tx, keys: list[str]) -> None:
    """Online: put these items into the exact-text group they share with other accounts' items.

    Items whose text already has a group join it without reading the group's other members (a common phrase
    gathers tens of thousands of items); only the rest are matched against every item with their text, which
    forms a group when a second account posts it.
    """
    if not keys:
        return
    grouped = {key for row in tx.run("dedupe/join_text_groups", keys=keys) for key in row["keys"]}
    ungrouped = [key for key in keys if key not in grouped]
    if ungrouped:
        tx.run("dedupe/link_text_groups", keys=ungrouped)


def regroup_all(port: GraphPort, *, batch_size: int = 2000, progress: Callable[[int], None] = lambda n: None) -> int:
    """Batch: rebuild every text group with exact and near-identical matches; return how many."""
    texts = _read(port)
    groups = _near_duplicate_groups(texts)
    rows = []
    for members in groups:
        authors = set().union(*(texts.authors[key] for key in members))
        if len(authors) < 2:
            continue
        items = sorted(item for key in members for item in texts.items[key])
        rows.append({"group": min(members), "method": "exact" if len(members) == 1 else "minhash",
                     "accounts": len(authors), "items": items})
    port.write_autocommit("dedupe/clear_text_groups")
    for batch in batched(rows, batch_size):
        port.write("dedupe/write_text_groups", rows=batch)
        progress(len(batch))
    return len(rows)


def _read(port: GraphPort) -> _Texts:
    texts = _Texts(items={}, authors={}, sample={})
    for row in port.read("dedupe/item_texts"):
        key = row["text_key"]
        texts.items.setdefault(key, []).append(row["key"])
        texts.authors.setdefault(key, set()).add(row["author"])
        texts.sample.setdefault(key, row["text"] or "")
    return texts


def _near_duplicate_groups(texts: _Texts) -> list[list[str]]:
    """Union exact-text keys whose texts are near-identical, using LSH buckets for the candidates."""
    hasher = MinHasher()
    index = LSHIndex()
    signed: dict[str, set[int]] = {}
    for key, text in texts.sample.items():
        signed[key] = shingles(text)
        index.add(key, hasher.signature(signed[key]))
    parent = {key: key for key in texts.sample}

    def find(key: str) -> str:
        while parent[key] != key:
            parent[key] = parent[parent[key]]
            key = parent[key]
        return key

    for first, second in index.candidate_pairs():
        if find(first) != find(second) and jaccard(signed[first], signed[second]) >= NEAR_DUPLICATE:
            a, b = sorted((find(first), find(second)))
            parent[b] = a
    groups: dict[str, list[str]] = {}
    for key in texts.sample:
        groups.setdefault(find(key), []).append(key)
    return list(groups.values())

