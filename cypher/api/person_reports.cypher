// The reports each person in $ids appears in, directly or through the people a resolved person resolves.
// Access: only what $scope (a map {all, force}) may see; see docs/api.md.
UNWIND $ids AS key
MATCH (p:Person {id: key})
CALL (p) {
  MATCH (p)<-[:REPORTED_BY|HAS_VICTIM|HAS_SUBJECT]-(r:Report) RETURN r
  UNION
  MATCH (p)-[:RESOLVES]->(:Person)<-[:REPORTED_BY|HAS_VICTIM|HAS_SUBJECT]-(r:Report) RETURN r
}
WITH key, r
WHERE ($scope.all OR EXISTS {
    MATCH (r)-[:IN_CASE]->(vc:Case)
    WHERE vc.owning_force = $scope.force OR vc.investigating_force = $scope.force
      OR EXISTS { (vc)-[:SHARED_WITH]->(:Force {code: $scope.force}) }
  })
RETURN key, r.id AS id
ORDER BY key, r.received_at DESC, id
