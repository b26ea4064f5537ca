// Repeat offenders, persons: the same counts over every account the person controls.
MATCH (p:Person)-[:CONTROLS]->(a:Account)<-[:NAMES_ACCOUNT]-(r:Report)
OPTIONAL MATCH (r)-[:IN_CASE]->(c:Case)
OPTIONAL MATCH (r)-[v:HAS_VICTIM]->()
WITH p, collect(DISTINCT r) AS reports, collect(DISTINCT c.id) AS cases,
     collect(DISTINCT v.victim_key) AS victims, collect(DISTINCT a.platform) AS platforms
WITH p, reports, cases, victims, platforms,
     reduce(s = [], r IN reports | s + [x IN r.strands WHERE NOT x IN s]) AS strands
RETURN p.id AS subject, size(reports) AS reports, size(cases) AS cases, size(victims) AS victims,
       strands, size(platforms) AS platforms,
       reduce(m = null, r IN reports | CASE WHEN m IS NULL OR r.received_at > m THEN r.received_at ELSE m END) AS last_seen,
       reduce(m = null, r IN reports | CASE WHEN m IS NULL OR r.received_at < m THEN r.received_at ELSE m END) AS first_seen
