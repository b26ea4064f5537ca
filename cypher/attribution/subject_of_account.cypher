// The resolved subject controlling an account, with every account it controls and why.
MATCH (:Account {id: $id})<-[:CONTROLS]-(s:Subject)
MATCH (s)-[c:CONTROLS]->(a:Account)
RETURN s.id AS person, a.id AS account, c.confidence AS confidence, c.method AS method, c.evidence AS evidence
ORDER BY c.confidence DESC, account
