// The attribution decisions in force: which accounts each confirms as one person, rejects, or splits out.
MATCH (d:AttributionDecision {active: true})-[:ABOUT]->(a:Account)
WITH d, collect(a.id) AS accounts
RETURN d.id AS id, d.kind AS kind, accounts
ORDER BY d.at, d.id
