// The reports of each case in $ids.
// Access: only what $scope (a map {all, force}) may see; see docs/api.md.
UNWIND $ids AS key
MATCH (c:Case {id: key})<-[:IN_CASE]-(r:Report)
WHERE ($scope.all OR c.owning_force = $scope.force OR c.investigating_force = $scope.force
      OR EXISTS { (c)-[:SHARED_WITH]->(:Force {code: $scope.force}) })
RETURN key, r.id AS id
ORDER BY r.received_at, r.id
