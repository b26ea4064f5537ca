// Batch recompute starts afresh: removes every link the rules made (decisions live elsewhere and stay).
MATCH ()-[d:DUPLICATE_OF|POSSIBLE_DUPLICATE|LINKED_SERIES]->()
CALL (d) { DELETE d } IN TRANSACTIONS OF 10000 ROWS
