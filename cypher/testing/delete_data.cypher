// Removes every node but the schema bookkeeping, in batches so that a large graph fits in memory.
MATCH (n) WHERE NOT n:Migration
CALL (n) { DETACH DELETE n } IN TRANSACTIONS OF 10000 ROWS
