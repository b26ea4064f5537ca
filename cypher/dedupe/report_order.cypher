// Every report in order of arrival, with its current case: the nodes of the clustering projection.
MATCH (r:Report)
OPTIONAL MATCH (r)-[:IN_CASE]->(c:Case)
RETURN r.id AS id, c.id AS case
ORDER BY r.received_at, r.id
