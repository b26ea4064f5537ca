// The resolved person controlling each account in $ids, with the confidence and evidence.
// Access: only what $scope (a map {all, force}) may see; see docs/api.md.
UNWIND $ids AS key
MATCH (a:Account {id: key})<-[ctl:CONTROLS]-(p:Person)
WHERE ($scope.all OR EXISTS {
    MATCH (a)<-[:NAMES_ACCOUNT]-(:Report)-[:IN_CASE]->(vc:Case)
    WHERE vc.owning_force = $scope.force OR vc.investigating_force = $scope.force
      OR EXISTS { (vc)-[:SHARED_WITH]->(:Force {code: $scope.force}) }
  })
RETURN key, p.id AS id, ctl.confidence AS confidence, ctl.method AS method,
       CASE WHEN $scope.all THEN ctl.evidence END AS evidence
ORDER BY key, ctl.confidence DESC
