// The reports naming each account in $ids, newest first.
// Access: only what $scope (a map {all, force}) may see; see docs/api.md.
UNWIND $ids AS key
MATCH (:Account {id: key})<-[:NAMES_ACCOUNT]-(r:Report)
WHERE ($scope.all OR EXISTS {
    MATCH (r)-[:IN_CASE]->(vc:Case)
    WHERE vc.owning_force = $scope.force OR vc.investigating_force = $scope.force
      OR EXISTS { (vc)-[:SHARED_WITH]->(:Force {code: $scope.force}) }
  })
RETURN key, r.id AS id
ORDER BY key, r.received_at DESC, id
