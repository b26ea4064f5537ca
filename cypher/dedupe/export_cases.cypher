// Every case with its reports (source, reference), for `hub export cases`.
MATCH (c:Case)<-[:IN_CASE]-(r:Report)
WITH c, r ORDER BY r.received_at, r.id
RETURN c.id AS case, collect({source: r.source, reference: r.reference}) AS reports
ORDER BY c.id
