// The case a report is in, with every report of that case (the report itself included).
MATCH (:Report {id: $id})-[:IN_CASE]->(c:Case)
MATCH (c)<-[:IN_CASE]-(r:Report)
RETURN c.id AS case, collect(r.id) AS reports
