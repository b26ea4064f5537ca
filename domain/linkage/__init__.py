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
    model.estimate_u(records)
    pairs = candidate_pairs(records, [field_key("surname"), field_key("date_of_birth")])
    model.estimate_m_em(model.comparison_vectors(records, pairs))
    people = clusters(len(records), link(records, model, pairs=pairs, threshold_probability=0.9))
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
