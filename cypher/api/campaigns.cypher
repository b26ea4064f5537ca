// One page of the campaigns the caller may see, latest first, after the row $after.
// Access: only what $scope (a map {all, force}) may see; see docs/api.md.
MATCH (k:Campaign)
WHERE ($scope.all OR EXISTS {
    MATCH (k)<-[:IN_CAMPAIGN]-(:Account)<-[:NAMES_ACCOUNT]-(:Report)-[:IN_CASE]->(vc:Case)
    WHERE vc.owning_force = $scope.force OR vc.investigating_force = $scope.force
      OR EXISTS { (vc)-[:SHARED_WITH]->(:Force {code: $scope.force}) }
  }
  OR EXISTS {
    MATCH (k)<-[:PART_OF]-(:ContentItem)<-[:CONCERNS]-(:Report)-[:IN_CASE]->(vc:Case)
    WHERE vc.owning_force = $scope.force OR vc.investigating_force = $scope.force
      OR EXISTS { (vc)-[:SHARED_WITH]->(:Force {code: $scope.force}) }
  })
  AND ($after IS NULL OR k.start < $after.sort OR (k.start = $after.sort AND k.id > $after.id))
RETURN k.id AS id, k.start AS sort
ORDER BY k.start DESC, k.id
LIMIT $limit
