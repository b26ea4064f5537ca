// Online clustering, fast path: for each new report, the reports it is linked to, their cases, and
// whether a review decision touches them (then the full neighbourhood is clustered instead). Arrival is
// [epoch seconds, nanosecond]: it orders as received_at does and costs the driver nothing to read.
UNWIND $ids AS id
MATCH (r:Report {id: id})
OPTIONAL MATCH (r)-[:DUPLICATE_OF]-(other:Report)
OPTIONAL MATCH (other)-[:IN_CASE]->(c:Case)
WITH r, other, c
RETURN r.id AS report, [r.received_at.epochSeconds, r.received_at.nanosecond] AS arrival,
       [entry IN collect({other: other.id, case: c.id,
               decided: EXISTS { (other)<-[:ABOUT]-(:DedupeDecision {active: true}) }})
        WHERE entry.other IS NOT NULL] AS links
