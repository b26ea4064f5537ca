// The victim $id (a person some report names as victim, or a resolved repeat victim) as the centre of a network
// page, when the caller may see it; a person in no victim role is not a victim and is not found.
// Access: only what $scope (a map {all, force}) may see; see docs/api.md.
MATCH (p:Person {id: $id})
WHERE (p:RepeatVictim OR EXISTS { (p)<-[:HAS_VICTIM]-(:Report) })
  AND ($scope.all OR EXISTS {
    MATCH (p)<-[:REPORTED_BY|HAS_VICTIM|HAS_SUBJECT]-(:Report)-[:IN_CASE]->(vc:Case)
    WHERE vc.owning_force = $scope.force OR vc.investigating_force = $scope.force
      OR EXISTS { (vc)-[:SHARED_WITH]->(:Force {code: $scope.force}) }
  })
RETURN elementId(p) AS ref, p.id AS id
