// The reporter, victims and subjects of each report in $ids, as given, with the role of each.
// Access: only what $scope (a map {all, force}) may see; see docs/api.md.
UNWIND $ids AS key
MATCH (r:Report {id: key})-[rel:REPORTED_BY|HAS_VICTIM|HAS_SUBJECT]->(p:Person)
WHERE ($scope.all OR EXISTS {
    MATCH (r)-[:IN_CASE]->(vc:Case)
    WHERE vc.owning_force = $scope.force OR vc.investigating_force = $scope.force
      OR EXISTS { (vc)-[:SHARED_WITH]->(:Force {code: $scope.force}) }
  })
RETURN key, p.id AS id,
       CASE type(rel) WHEN 'REPORTED_BY' THEN 'reporter' WHEN 'HAS_VICTIM' THEN 'victim' ELSE 'subject' END AS role
ORDER BY key, role, coalesce(rel.position, 0)
