// Campaigns are found afresh on every run.
MATCH (c:Campaign)
CALL (c) { DETACH DELETE c } IN TRANSACTIONS OF 10000 ROWS
