"""Pure domain rules: no I/O, no database. The policies themselves live in data files under `policies/`.

- `facts`, `conditions`, `policy`, `offences`, `assessment`, `review`, `results`: assessing a case (crime,
  non-crime hate incident or no record; offences, CPS category, priority) from `policies/assessment.yaml`.
- `jurisdiction_policy`, `jurisdiction`: which force owns, investigates or leads, from `policies/jurisdiction.yaml`.
- `policy_docs`: docs/policies.md generated from both policy files.
- `textsim`, `dm_match`: near-duplicate text and direct-message matching (written separately).
"""
