// The account $id as the centre of a network page, when the caller may see it: its element id, for the walk.
// Access: only what $scope (a map {all, force}) may see; see docs/api.md.
MATCH (a:Account {id: $id})
WHERE ($scope.all OR EXISTS {
    MATCH (a)<-[:NAMES_ACCOUNT]-(:Report)-[:IN_CASE]->(vc:Case)
    WHERE vc.owning_force = $scope.force OR vc.investigating_force = $scope.force
      OR EXISTS { (vc)-[:SHARED_WITH]->(:Force {code: $scope.force}) }
  })
RETURN elementId(a) AS ref, a.id AS id
