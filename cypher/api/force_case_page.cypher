// One page of a force's cases (owned or investigated by it, and with $shared those shared with it), newest
// first, after the row $after: api/cases.cypher with no filter but the force, when the caller sees all of that
// force's cases (the force's own officers, hub roles). A force filter means owned or investigated; a force
// officer's own queue ($shared) takes in the cases shared with the force too. Each source is read newest first
// from its composite index (V019) and stops after a page, instead of reading and sorting every case of the
// force (ordering by the force too, a constant here, is what lets the planner take the index's order).
// A test compares the two queries page by page.
// Access: only what $scope (a map {all, force}) may see; see docs/api.md.
CALL () {
  MATCH (c:Case)
  USING INDEX c:Case(owning_force, created_at)
  WHERE c.owning_force = $force AND c.created_at IS NOT NULL
    AND ($after IS NULL OR c.created_at < $after.sort OR (c.created_at = $after.sort AND c.id > $after.id))
  RETURN c ORDER BY c.owning_force DESC, c.created_at DESC, c.id LIMIT $limit
  UNION
  MATCH (c:Case)
  USING INDEX c:Case(investigating_force, created_at)
  WHERE c.investigating_force = $force AND c.created_at IS NOT NULL
    AND ($after IS NULL OR c.created_at < $after.sort OR (c.created_at = $after.sort AND c.id > $after.id))
  RETURN c ORDER BY c.investigating_force DESC, c.created_at DESC, c.id LIMIT $limit
  UNION
  MATCH (c:Case)-[:SHARED_WITH]->(:Force {code: $force})
  WHERE $shared AND c.created_at IS NOT NULL
    AND ($after IS NULL OR c.created_at < $after.sort OR (c.created_at = $after.sort AND c.id > $after.id))
  RETURN c ORDER BY c.created_at DESC, c.id LIMIT $limit
}
WITH c
WHERE ($scope.all OR c.owning_force = $scope.force OR c.investigating_force = $scope.force
      OR EXISTS { (c)-[:SHARED_WITH]->(:Force {code: $scope.force}) })
RETURN c.id AS id, toString(c.created_at) AS sort  // text: parsed in graph/read/lists.py (graph/read/temporal.py)
ORDER BY c.created_at DESC, c.id
LIMIT $limit
