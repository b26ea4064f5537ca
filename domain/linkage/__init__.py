"""Probabilistic record linkage (Fellegi-Sunter, as Splink does it): pure code, no I/O.

Serves two jobs: attributing online accounts to people (a Link becomes "Person CONTROLS Account"; accounts are
never merged) and finding repeat victims or complainants (one person reporting several times with typos in name,
email or postcode), kept apart by role through the blocking keys, `pair_filter` or `cannot_link`.

- `comparisons`: ordered agreement levels per aspect (names, handles, dates of birth, postcodes, emails).
- `blocking`: candidate pairs sharing a key under some rule; never all pairs, oversized blocks skipped and counted.
- `model`: `FellegiSunter` with u from random pairs, m and lambda by EM, fixed m/u for certain evidence, and
  `explain` giving each comparison's level and match weight.
- `resolve`: `link` (scored pairs above a probability) and `clusters` (connected components with cannot-link).

Typical use:

    model = FellegiSunter([string_similarity("surname"), date_of_birth_comparison(), email_comparison()])
    model.estimate_u(records)                                     # u from random pairs
    pairs = candidate_pairs(records, [field_key("surname"), field_key("date_of_birth")])
    n = len(records)
    model.estimate_m_em(model.comparison_vectors(records, pairs), total_pairs=n * (n - 1) // 2)  # m and prior
    links = link(records, model, pairs=pairs, threshold_probability=0.9)   # each with its Evidence
    people = clusters(n, links, cannot_link=known_different)

Pass `total_pairs` so the prior is that of a random pair, as u is: a prior taken among the blocked pairs alone
would count the blocking keys' agreement twice (on FEBRL4 it lowered precision from 0.9998 to 0.952).
`benchmarks/febrl.py` compares this with Splink 4 on the FEBRL data sets: the same links at probability 0.5.
"""

from domain.linkage.blocking import BlockingReport, SkippedBlock, block_pairs, candidate_pairs, field_key
from domain.linkage.comparisons import (
    NULL_LEVEL,
    Comparison,
    Level,
    date_of_birth_comparison,
    email_comparison,
    exact_match,
    handle_comparison,
    postcode_comparison,
    string_similarity,
)
from domain.linkage.model import EMResult, Evidence, FellegiSunter
from domain.linkage.normalise import handle_core, handle_similarity, handle_tokens, jaro_winkler
from domain.linkage.resolve import Link, clusters, link

__all__ = [
    "NULL_LEVEL",
    "BlockingReport",
    "Comparison",
    "EMResult",
    "Evidence",
    "FellegiSunter",
    "Level",
    "Link",
    "SkippedBlock",
    "block_pairs",
    "candidate_pairs",
    "clusters",
    "date_of_birth_comparison",
    "email_comparison",
    "exact_match",
    "field_key",
    "handle_comparison",
    "handle_core",
    "handle_similarity",
    "handle_tokens",
    "jaro_winkler",
    "link",
    "postcode_comparison",
    "string_similarity",
]
