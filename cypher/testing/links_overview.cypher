// Every duplicate link, suggestion and series link, by report reference or case id.
CALL () {
  MATCH (a:Report)-[l:DUPLICATE_OF|POSSIBLE_DUPLICATE]->(b:Report)
  RETURN type(l) AS type, l.rule AS rule, a.reference AS from, b.reference AS to, l.score AS score, l.evidence AS evidence
  UNION ALL
  MATCH (a:Case)-[l:LINKED_SERIES]->(b:Case)
  RETURN type(l) AS type, l.rule AS rule, a.id AS from, b.id AS to, toFloat(l.occasions) AS score, [l.account, l.victim] AS evidence
}
RETURN type, rule, from, to, score, evidence
ORDER BY type, from, to
