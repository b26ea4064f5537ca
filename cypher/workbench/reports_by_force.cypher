// The visible reports counted by the owning force of their case (HUB when the hub retains it).
// Access: only what $scope (a map {all, force}) may see; see docs/api.md.
MATCH (r:Report)
WHERE ($scope.all OR EXISTS {
    MATCH (r)-[:IN_CASE]->(vc:Case)
    WHERE vc.owning_force = $scope.force OR vc.investigating_force = $scope.force
      OR EXISTS { (vc)-[:SHARED_WITH]->(:Force {code: $scope.force}) }
  })
MATCH (r)-[:IN_CASE]->(c:Case)
OPTIONAL MATCH (c)-[:OWNED_BY]->(f:Force)
WITH coalesce(f.name, c.owning_force, 'HUB') AS label, count(DISTINCT r) AS value
RETURN label, value
ORDER BY value DESC, label
