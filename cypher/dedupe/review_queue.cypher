// Suggested pairs awaiting review: no decision in force about the pair yet, best score first.
MATCH (a:Report)-[s:POSSIBLE_DUPLICATE]->(b:Report)
WHERE NOT EXISTS {
  MATCH (d:DedupeDecision {active: true})-[:ABOUT]->(a)
  WHERE d.kind IN ['confirm', 'reject'] AND EXISTS { (d)-[:ABOUT]->(b) }
}
RETURN a.id AS report, b.id AS other, s.rule AS rule, s.score AS score, s.evidence AS evidence
ORDER BY s.score DESC, a.id
LIMIT $limit
