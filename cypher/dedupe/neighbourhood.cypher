// Online clustering: for these reports, every report in their cases and in the cases of the reports
// they are linked to, with arrival order, links and current case.
UNWIND $ids AS id
MATCH (r:Report {id: id})
OPTIONAL MATCH (r)-[:DUPLICATE_OF]-(linked:Report)
WITH collect(DISTINCT r) + collect(DISTINCT linked) AS seeds
UNWIND seeds AS seed
OPTIONAL MATCH (seed)-[:IN_CASE]->(:Case)<-[:IN_CASE]-(member:Report)
WITH collect(DISTINCT seed) + collect(DISTINCT member) AS reports
UNWIND reports AS report
OPTIONAL MATCH (report)-[:IN_CASE]->(c:Case)
RETURN report.id AS id, c.id AS case,
       [(report)-[:DUPLICATE_OF]-(other:Report) | other.id] AS links
ORDER BY report.received_at, report.id
