// The visible reports counted by the month they were received in (YYYY-MM), oldest first.
// Access: only what $scope (a map {all, force}) may see; see docs/api.md.
MATCH (r:Report)
WHERE ($scope.all OR EXISTS {
    MATCH (r)-[:IN_CASE]->(vc:Case)
    WHERE vc.owning_force = $scope.force OR vc.investigating_force = $scope.force
      OR EXISTS { (vc)-[:SHARED_WITH]->(:Force {code: $scope.force}) }
  })
WITH r WHERE r.received_at IS NOT NULL
WITH substring(toString(date(r.received_at)), 0, 7) AS label, count(r) AS value
RETURN label, value
ORDER BY label
