// For each force code in $forces, one page of the cases it owns or investigates that the caller may see.
// Access: only what $scope (a map {all, force}) may see; see docs/api.md.
UNWIND $forces AS force
CALL (force) {
  MATCH (c:Case)
  WHERE (c.owning_force = force OR c.investigating_force = force)
    AND ($scope.all OR c.owning_force = $scope.force OR c.investigating_force = $scope.force
      OR EXISTS { (c)-[:SHARED_WITH]->(:Force {code: $scope.force}) })
    AND ($after IS NULL OR c.created_at < $after.sort OR (c.created_at = $after.sort AND c.id > $after.id))
  RETURN c.id AS id, c.created_at AS sort
  ORDER BY c.created_at DESC, c.id
  LIMIT $limit
}
RETURN force AS key, id, sort
