// Every attribution decision, in force or undone, about an account: its history.
MATCH (:Account {id: $id})<-[:ABOUT]-(d:AttributionDecision)
MATCH (d)-[:ABOUT]->(a:Account)
RETURN d.id AS id, d.kind AS kind, d.by AS by, d.reason AS reason, d.at AS at, d.active AS active,
       d.undone_by AS undone_by, d.undone_at AS undone_at, collect(a.id) AS accounts
ORDER BY d.at
