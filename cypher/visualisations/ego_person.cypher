// The person $id (as given in a report, or resolved) as the centre of a network page, when the caller may see it.
// Access: only what $scope (a map {all, force}) may see; see docs/api.md.
MATCH (p:Person {id: $id})
WHERE ($scope.all OR EXISTS {
    MATCH (p)<-[:REPORTED_BY|HAS_VICTIM|HAS_SUBJECT]-(:Report)-[:IN_CASE]->(vc:Case)
    WHERE vc.owning_force = $scope.force OR vc.investigating_force = $scope.force
      OR EXISTS { (vc)-[:SHARED_WITH]->(:Force {code: $scope.force}) }
  }
  OR EXISTS {
    MATCH (p:Subject)-[:CONTROLS]->(:Account)<-[:NAMES_ACCOUNT]-(:Report)-[:IN_CASE]->(vc:Case)
    WHERE vc.owning_force = $scope.force OR vc.investigating_force = $scope.force
      OR EXISTS { (vc)-[:SHARED_WITH]->(:Force {code: $scope.force}) }
  })
RETURN elementId(p) AS ref, p.id AS id
