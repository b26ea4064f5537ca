// Intelligence reports, latest drafted first, optionally about one kind of subject ($kind) and graded or not
// ($graded), keyset-paged after $after {sort, id}. Intelligence is the hub's: a force-scoped caller gets nothing.
MATCH (r:IntelligenceReport)
WHERE $scope.all AND ($kind IS NULL OR r.subject_kind = $kind)
  AND ($graded IS NULL OR (r.status = 'graded') = $graded)
  AND ($after IS NULL OR r.drafted_at < $after.sort OR (r.drafted_at = $after.sort AND r.id > $after.id))
RETURN r.id AS id, r.drafted_at AS sort
ORDER BY r.drafted_at DESC, r.id
LIMIT $limit
