// Accounts no resolved subject controls yet: what an incremental attribution run must place.
MATCH (a:Account)
WHERE NOT (a)<-[:CONTROLS]-(:Subject)
RETURN a.id AS id
ORDER BY id
