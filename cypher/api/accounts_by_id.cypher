// The accounts among $ids the caller may see, with role scores and repeat-offender standing.
// Access: only what $scope (a map {all, force}) may see; see docs/api.md.
UNWIND $ids AS id
MATCH (a:Account {id: id})
WHERE ($scope.all OR EXISTS {
    MATCH (a)<-[:NAMES_ACCOUNT]-(:Report)-[:IN_CASE]->(vc:Case)
    WHERE vc.owning_force = $scope.force OR vc.investigating_force = $scope.force
      OR EXISTS { (vc)-[:SHARED_WITH]->(:Force {code: $scope.force}) }
  })
RETURN a.id AS id, a.handle AS handle, a.platform AS platform, a.display_name AS display_name,
       a.profile_url AS profile_url, a.community AS community, a.community_size AS community_size,
       a.degree AS degree, a.weighted_degree AS weighted_degree, a.pagerank AS pagerank,
       a.betweenness AS betweenness, a.offender_rank AS offender_rank, a.offender_score AS offender_score,
       a.offender_kind AS offender_kind, CASE WHEN $scope.all THEN a.offender_evidence END AS offender_evidence
