// Removes resolved subjects that control no account any more.
MATCH (s:Subject)
WHERE NOT (s)-[:CONTROLS]->(:Account)
DETACH DELETE s
RETURN count(*) AS dropped
