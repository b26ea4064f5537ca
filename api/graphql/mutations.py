"""The root Mutation: changes, each checked against the caller's rights and written to the audit trail."""

from __future__ import annotations

import strawberry


@strawberry.type
class Mutation:
    """Changes."""

    @strawberry.mutation(description="Does nothing; present until the first real mutation lands.")
    def noop(self) -> bool:
        return True
