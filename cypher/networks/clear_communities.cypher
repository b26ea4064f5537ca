// Communities are found afresh on every run.
MATCH (c:Community)
CALL (c) { DETACH DELETE c } IN TRANSACTIONS OF 10000 ROWS
