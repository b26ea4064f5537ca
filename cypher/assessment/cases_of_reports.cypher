// The cases of the reports $ids, with the cases linked to them in a series (their assessment reads it).
UNWIND $ids AS id
MATCH (:Report {id: id})-[:IN_CASE]->(c:Case)
OPTIONAL MATCH (c)-[:LINKED_SERIES]-(linked:Case)
WITH collect(DISTINCT c.id) + collect(DISTINCT linked.id) AS ids
UNWIND ids AS case_id
RETURN DISTINCT case_id AS case
ORDER BY case
