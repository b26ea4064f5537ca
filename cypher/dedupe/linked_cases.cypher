// Online clustering, fast path: for each new report, the reports it is linked to, their cases, and
// whether a review decision touches them (then the full neighbourhood is clustered instead).
UNWIND $ids AS id
MATCH (r:Report {id: id})
OPTIONAL MATCH (r)-[:DUPLICATE_OF]-(other:Report)
OPTIONAL MATCH (other)-[:IN_CASE]->(c:Case)
WITH r, other, c
RETURN r.id AS report, r.received_at AS received_at,
       [entry IN collect({other: other.id, case: c.id,
               decided: EXISTS { (other)<-[:ABOUT]-(:DedupeDecision {active: true}) }})
        WHERE entry.other IS NOT NULL] AS links
