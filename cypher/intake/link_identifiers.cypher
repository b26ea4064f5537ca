// Normalised e-mail addresses and phone numbers: one Identifier each, shared by everyone who gave it.
UNWIND $rows AS row
MATCH (p:Person {id: row.person})
MERGE (i:Identifier {id: row.id})
ON CREATE SET i.kind = row.kind, i.value = row.value
MERGE (p)-[rel:HAS_IDENTIFIER]->(i)
SET rel.kind = row.kind
