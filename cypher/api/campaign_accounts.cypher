// The accounts in each campaign in $ids that the caller may see.
// Access: only what $scope (a map {all, force}) may see; see docs/api.md.
UNWIND $ids AS key
MATCH (:Campaign {id: key})<-[:IN_CAMPAIGN]-(a:Account)
WHERE ($scope.all OR EXISTS {
    MATCH (a)<-[:NAMES_ACCOUNT]-(:Report)-[:IN_CASE]->(vc:Case)
    WHERE vc.owning_force = $scope.force OR vc.investigating_force = $scope.force
      OR EXISTS { (vc)-[:SHARED_WITH]->(:Force {code: $scope.force}) }
  })
RETURN key, a.id AS id
ORDER BY key, id
