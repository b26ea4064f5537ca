// One page of complainant updates, the due ones first (earliest due first, so the overdue lead), then the
// rest by due time; filtered by $case, $status and $overdue (due, and due before $now), after the row $after.
// The complainant's address is given only when $contacts (the caller may see contact details).
// Access: only what $scope (a map {all, force}) may see; see docs/api.md.
MATCH (u:ComplainantUpdate)
WHERE ($case IS NULL OR u.case = $case)
  AND ($status IS NULL OR u.status = $status)
  AND (NOT $overdue OR (u.status = 'due' AND u.due_by < $now))
OPTIONAL MATCH (c:Case {id: u.case})
WITH u, c
WHERE $scope.all OR (c IS NOT NULL AND (c.owning_force = $scope.force OR c.investigating_force = $scope.force
      OR EXISTS { (c)-[:SHARED_WITH]->(:Force {code: $scope.force}) }))
WITH u, c, (CASE WHEN u.status = 'due' THEN '0|' ELSE '1|' END) + toString(u.due_by) AS sort
WHERE $after IS NULL OR sort > $after.sort OR (sort = $after.sort AND u.id > $after.id)
WITH u, c, sort ORDER BY sort, u.id LIMIT $limit
MATCH (r:Report {id: u.report})
OPTIONAL MATCH (r)-[:REPORTED_BY]->(p:Person)
CALL (u, p) {
  OPTIONAL MATCH (p)-[:HAS_IDENTIFIER]->(i:Identifier {kind: u.channel})
  OPTIONAL MATCH (p)-[:LIVES_AT]->(pc:Postcode)
  RETURN CASE WHEN NOT $contacts OR u.channel IS NULL THEN null
              WHEN u.channel = 'post' THEN coalesce(p.name + ', ', '') + pc.code
              ELSE i.value END AS address
  LIMIT 1
}
OPTIONAL MATCH (u)-[:SENT_AS]->(m:OutboxMessage)
RETURN u.id AS id, sort, u.report AS report, r.reference AS reference, u.case AS case, p.id AS complainant,
       u.event AS event, u.event_key AS event_key, u.event_at AS event_at, u.due_by AS due_by,
       u.working_days AS working_days, u.enhanced AS enhanced, u.enhanced_reason AS enhanced_reason,
       u.status AS status, u.status = 'due' AND u.due_by < $now AS overdue, u.channel AS channel,
       address, u.not_contactable_reason AS not_contactable_reason, u.withdrawn_reason AS withdrawn_reason,
       u.sent_at AS sent_at, u.sent_by AS sent_by, m.id AS message, u.facts_json AS facts_json
ORDER BY sort, id
