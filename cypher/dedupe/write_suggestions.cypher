// Offers a scored pair for review (POSSIBLE_DUPLICATE); a pair already decided keeps its decision.
UNWIND $rows AS row
MATCH (later:Report {id: row.later}), (earlier:Report {id: row.earlier})
MERGE (later)-[s:POSSIBLE_DUPLICATE {rule: row.rule}]->(earlier)
SET s.score = row.score, s.evidence = row.evidence
