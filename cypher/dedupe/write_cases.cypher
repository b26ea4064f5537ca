// Puts each report in its case (creating the case), moving it out of any other.
UNWIND $rows AS row
MATCH (r:Report {id: row.report})
OPTIONAL MATCH (r)-[old:IN_CASE]->(previous:Case)
WHERE previous.id <> row.case
DELETE old
MERGE (c:Case {id: row.case})
ON CREATE SET c.status = 'open', c.created_at = datetime()
SET c.updated_at = datetime()
MERGE (r)-[:IN_CASE]->(c)
