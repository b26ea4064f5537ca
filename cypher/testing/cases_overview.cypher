// Every report with its case, and the links around it (tests compare the grouping).
MATCH (r:Report)
OPTIONAL MATCH (r)-[:IN_CASE]->(c:Case)
RETURN r.reference AS reference, c.id AS case
ORDER BY r.reference
