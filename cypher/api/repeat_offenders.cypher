// One page of the ranked accounts the caller may see, best-ranked (most prolific) first.
// Access: only what $scope (a map {all, force}) may see; see docs/api.md.
MATCH (a:Account)
WHERE a.offender_rank IS NOT NULL
  AND ($scope.all OR EXISTS {
    MATCH (a)<-[:NAMES_ACCOUNT]-(:Report)-[:IN_CASE]->(vc:Case)
    WHERE vc.owning_force = $scope.force OR vc.investigating_force = $scope.force
      OR EXISTS { (vc)-[:SHARED_WITH]->(:Force {code: $scope.force}) }
  })
  AND ($after IS NULL OR a.offender_rank > $after.sort OR (a.offender_rank = $after.sort AND a.id > $after.id))
RETURN a.id AS id, a.offender_rank AS sort
ORDER BY a.offender_rank, a.id
LIMIT $limit
