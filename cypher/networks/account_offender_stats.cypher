// Repeat offenders, accounts: distinct victims, reports, cases, strands and platforms, first and last seen.
MATCH (a:Account)<-[:NAMES_ACCOUNT]-(r:Report)
OPTIONAL MATCH (r)-[:IN_CASE]->(c:Case)
OPTIONAL MATCH (r)-[v:HAS_VICTIM]->()
WITH a, collect(DISTINCT r) AS reports, collect(DISTINCT c.id) AS cases,
     collect(DISTINCT v.victim_key) AS victims
WITH a, reports, cases, victims,
     reduce(s = [], r IN reports | s + [x IN r.strands WHERE NOT x IN s]) AS strands
RETURN a.id AS subject, size(reports) AS reports, size(cases) AS cases, size(victims) AS victims,
       strands, 1 AS platforms,
       reduce(m = null, r IN reports | CASE WHEN m IS NULL OR r.received_at > m THEN r.received_at ELSE m END) AS last_seen,
       reduce(m = null, r IN reports | CASE WHEN m IS NULL OR r.received_at < m THEN r.received_at ELSE m END) AS first_seen
