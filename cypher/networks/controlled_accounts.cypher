// Community projection: accounts attributed to one person (person id, account id, confidence).
MATCH (p:Person)-[c:CONTROLS]->(a:Account)
RETURN p.id AS person, a.id AS account, c.confidence AS confidence
