// The visible open cases counted by owning force (HUB when the hub retains them).
// Access: only what $scope (a map {all, force}) may see; see docs/api.md.
MATCH (c:Case)
WHERE coalesce(c.status, 'open') = 'open'
  AND ($scope.all OR c.owning_force = $scope.force OR c.investigating_force = $scope.force
      OR EXISTS { (c)-[:SHARED_WITH]->(:Force {code: $scope.force}) })
OPTIONAL MATCH (c)-[:OWNED_BY]->(f:Force)
WITH coalesce(f.name, c.owning_force, 'HUB') AS label, count(c) AS value
RETURN label, value
ORDER BY value DESC, label
