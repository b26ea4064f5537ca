// The campaign $id as the centre of a network page, when the caller may see it.
// Access: only what $scope (a map {all, force}) may see; see docs/api.md.
MATCH (k:Campaign {id: $id})
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
RETURN elementId(k) AS ref, k.id AS id
