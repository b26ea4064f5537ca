// The review decisions in force ($ids null: all of them; else those about these reports).
MATCH (d:DedupeDecision {active: true})-[:ABOUT]->(r:Report)
WHERE $ids IS NULL OR r.id IN $ids
WITH DISTINCT d
MATCH (d)-[:ABOUT]->(about:Report)
RETURN d.id AS id, d.kind AS kind, collect(about.id) AS reports
