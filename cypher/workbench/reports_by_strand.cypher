// The visible reports counted by the strand perceived (a report may count under several).
// Access: only what $scope (a map {all, force}) may see; see docs/api.md.
MATCH (r:Report)
WHERE ($scope.all OR EXISTS {
    MATCH (r)-[:IN_CASE]->(vc:Case)
    WHERE vc.owning_force = $scope.force OR vc.investigating_force = $scope.force
      OR EXISTS { (vc)-[:SHARED_WITH]->(:Force {code: $scope.force}) }
  })
MATCH (r)-[:PERCEIVED_AS]->(s:Strand)
WITH s.name AS label, count(DISTINCT r) AS value
RETURN label, value
ORDER BY value DESC, label
