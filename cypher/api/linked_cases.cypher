// The cases linked in a series (either direction) with each case in $ids.
// Access: only what $scope (a map {all, force}) may see; see docs/api.md.
UNWIND $ids AS key
MATCH (:Case {id: key})-[:LINKED_SERIES]-(c:Case)
WHERE ($scope.all OR c.owning_force = $scope.force OR c.investigating_force = $scope.force
      OR EXISTS { (c)-[:SHARED_WITH]->(:Force {code: $scope.force}) })
RETURN DISTINCT key, c.id AS id
ORDER BY key, id
