// Every decision, in force or undone, about a report: the review history.
MATCH (:Report {id: $id})<-[:ABOUT]-(d:DedupeDecision)
MATCH (d)-[:ABOUT]->(r:Report)
RETURN d.id AS id, d.kind AS kind, d.by AS by, d.reason AS reason, d.at AS at, d.active AS active,
       d.undone_by AS undone_by, d.undone_at AS undone_at, collect(r.id) AS reports
ORDER BY d.at
