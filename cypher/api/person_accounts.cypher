// The accounts each person in $ids controls (resolved subjects) or was said to use (subjects as given).
// Access: only what $scope (a map {all, force}) may see; see docs/api.md.
UNWIND $ids AS key
MATCH (:Person {id: key})-[rel:CONTROLS|SAID_TO_USE]->(a:Account)
WHERE ($scope.all OR EXISTS {
    MATCH (a)<-[:NAMES_ACCOUNT]-(:Report)-[:IN_CASE]->(vc:Case)
    WHERE vc.owning_force = $scope.force OR vc.investigating_force = $scope.force
      OR EXISTS { (vc)-[:SHARED_WITH]->(:Force {code: $scope.force}) }
  })
RETURN DISTINCT key, a.id AS id, toLower(type(rel)) AS relation, rel.confidence AS confidence, rel.method AS method,
       CASE WHEN $scope.all THEN rel.evidence END AS evidence
ORDER BY key, relation, id
