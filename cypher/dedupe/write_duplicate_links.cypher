// Writes links that Python scored (resubmission): later report -> earlier report, with rule, score, evidence.
UNWIND $rows AS row
MATCH (later:Report {id: row.later}), (earlier:Report {id: row.earlier})
MERGE (later)-[d:DUPLICATE_OF {rule: row.rule}]->(earlier)
SET d.score = row.score, d.evidence = row.evidence
