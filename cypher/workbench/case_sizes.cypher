// The visible cases counted by how many reports each combines: the duplicate rate is reports per case.
// Access: only what $scope (a map {all, force}) may see; see docs/api.md.
MATCH (c:Case)
WHERE ($scope.all OR c.owning_force = $scope.force OR c.investigating_force = $scope.force
      OR EXISTS { (c)-[:SHARED_WITH]->(:Force {code: $scope.force}) })
WITH COUNT { (c)<-[:IN_CASE]-(:Report) } AS reports
WITH reports AS label, count(*) AS value
RETURN label, value
ORDER BY label
