// Normalised e-mail addresses and phone numbers: one Identifier each, shared by everyone who gave it.
UNWIND $rows AS row
MATCH (p:Person {id: row.person})
MERGE (i:Identifier {id: row.id})
ON CREATE SET i.kind = row.kind, i.value = row.value
CREATE (p)-[:HAS_IDENTIFIER {kind: row.kind}]->(i)
