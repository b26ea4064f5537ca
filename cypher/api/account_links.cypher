// Each account in $ids with the cases, campaigns and controlling person it is in or under, and the
// other accounts linked through each (at most $per_via per way through, by id; other is null on one row of each).
// Access: only what $scope (a map {all, force}) may see; see docs/api.md.
UNWIND $ids AS key
MATCH (a:Account {id: key})
WHERE ($scope.all OR EXISTS {
    MATCH (a)<-[:NAMES_ACCOUNT]-(:Report)-[:IN_CASE]->(vc:Case)
    WHERE vc.owning_force = $scope.force OR vc.investigating_force = $scope.force
      OR EXISTS { (vc)-[:SHARED_WITH]->(:Force {code: $scope.force}) }
  })
CALL (a) {
  MATCH (a)<-[:NAMES_ACCOUNT]-(:Report)-[:IN_CASE]->(via:Case)
  WHERE ($scope.all OR via.owning_force = $scope.force OR via.investigating_force = $scope.force
      OR EXISTS { (via)-[:SHARED_WITH]->(:Force {code: $scope.force}) })
  RETURN DISTINCT via, 'case' AS via_kind, via.id AS via_label
  UNION
  MATCH (a)-[:IN_CAMPAIGN]->(via:Campaign)
  RETURN DISTINCT via, 'campaign' AS via_kind, coalesce(via.kind, 'campaign') + ' ' + via.id AS via_label
  UNION
  MATCH (a)<-[:CONTROLS]-(via:Person)
  RETURN DISTINCT via, 'person' AS via_kind, coalesce(via.names[0], via.name, via.id) AS via_label
}
CALL (a, via, via_kind) {
  // Each way through is shown even when the caller may see no other account on it.
  RETURN null AS b
  UNION
  MATCH (via)<-[:IN_CASE]-(:Report)-[:NAMES_ACCOUNT]->(b:Account)
  WHERE via_kind = 'case' AND b <> a
  WITH DISTINCT b ORDER BY b.id
  WHERE $scope.all OR EXISTS {
    MATCH (b)<-[:NAMES_ACCOUNT]-(:Report)-[:IN_CASE]->(vc:Case)
    WHERE vc.owning_force = $scope.force OR vc.investigating_force = $scope.force
      OR EXISTS { (vc)-[:SHARED_WITH]->(:Force {code: $scope.force}) }
  }
  RETURN b LIMIT $per_via
  UNION
  MATCH (via)<-[:IN_CAMPAIGN]-(b:Account)
  WHERE via_kind = 'campaign' AND b <> a
  WITH b ORDER BY b.id
  WHERE $scope.all OR EXISTS {
    MATCH (b)<-[:NAMES_ACCOUNT]-(:Report)-[:IN_CASE]->(vc:Case)
    WHERE vc.owning_force = $scope.force OR vc.investigating_force = $scope.force
      OR EXISTS { (vc)-[:SHARED_WITH]->(:Force {code: $scope.force}) }
  }
  RETURN b LIMIT $per_via
  UNION
  MATCH (via)-[:CONTROLS]->(b:Account)
  WHERE via_kind = 'person' AND b <> a
  WITH b ORDER BY b.id
  WHERE $scope.all OR EXISTS {
    MATCH (b)<-[:NAMES_ACCOUNT]-(:Report)-[:IN_CASE]->(vc:Case)
    WHERE vc.owning_force = $scope.force OR vc.investigating_force = $scope.force
      OR EXISTS { (vc)-[:SHARED_WITH]->(:Force {code: $scope.force}) }
  }
  RETURN b LIMIT $per_via
}
WITH key, via, via_kind, via_label, b
RETURN key, via.id AS via, via_kind, via_label, b.id AS other, b.handle AS other_label
ORDER BY key, via_kind, via, other
LIMIT $limit
