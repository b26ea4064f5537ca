"""Attribution: which person controls which accounts, and who reports or is targeted again and again.

Accounts are never merged: a resolved `(:Person:Subject)` CONTROLS them, each link with its confidence and the
evidence behind it; reporters and victims resolve into `(:Person:Complainant)` and `(:Person:RepeatVictim)`,
each role on its own. See docs/attribution.md.
"""
