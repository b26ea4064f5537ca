// The accounts each report in $ids names, as author of its content or as suspect.
// Access: only what $scope (a map {all, force}) may see; see docs/api.md.
UNWIND $ids AS key
MATCH (r:Report {id: key})-[n:NAMES_ACCOUNT]->(a:Account)
WHERE ($scope.all OR EXISTS {
    MATCH (r)-[:IN_CASE]->(vc:Case)
    WHERE vc.owning_force = $scope.force OR vc.investigating_force = $scope.force
      OR EXISTS { (vc)-[:SHARED_WITH]->(:Force {code: $scope.force}) }
  })
RETURN key, a.id AS id, coalesce(n.as_author, false) AS as_author, coalesce(n.as_suspect, false) AS as_suspect
ORDER BY key, id
