// The campaigns among $ids the caller may see; counts only of what the caller may see.
// Access: only what $scope (a map {all, force}) may see; see docs/api.md.
UNWIND $ids AS id
MATCH (k:Campaign {id: id})
WHERE ($scope.all OR EXISTS {
    MATCH (k)<-[:IN_CAMPAIGN]-(:Account)<-[:NAMES_ACCOUNT]-(:Report)-[:IN_CASE]->(vc:Case)
    WHERE vc.owning_force = $scope.force OR vc.investigating_force = $scope.force
      OR EXISTS { (vc)-[:SHARED_WITH]->(:Force {code: $scope.force}) }
  }
  OR EXISTS {
    MATCH (k)<-[:PART_OF]-(:ContentItem)<-[:CONCERNS]-(:Report)-[:IN_CASE]->(vc:Case)
    WHERE vc.owning_force = $scope.force OR vc.investigating_force = $scope.force
      OR EXISTS { (vc)-[:SHARED_WITH]->(:Force {code: $scope.force}) }
  })
RETURN k.id AS id, k.kind AS kind, k.start AS start, k.end AS end, k.strength AS strength,
       CASE WHEN $scope.all THEN k.evidence END AS evidence,
       COUNT { MATCH (a:Account)-[:IN_CAMPAIGN]->(k) WHERE ($scope.all OR EXISTS {
    MATCH (a)<-[:NAMES_ACCOUNT]-(:Report)-[:IN_CASE]->(vc:Case)
    WHERE vc.owning_force = $scope.force OR vc.investigating_force = $scope.force
      OR EXISTS { (vc)-[:SHARED_WITH]->(:Force {code: $scope.force}) }
  }) } AS account_count,
       CASE WHEN $scope.all THEN size(coalesce(k.victims, [])) ELSE size(COLLECT {
         MATCH (k)<-[:IN_CAMPAIGN]-(:Account)<-[:NAMES_ACCOUNT]-(r:Report)-[hv:HAS_VICTIM]->(:Person)
         WHERE hv.victim_key IN coalesce(k.victims, []) AND ($scope.all OR EXISTS {
    MATCH (r)-[:IN_CASE]->(vc:Case)
    WHERE vc.owning_force = $scope.force OR vc.investigating_force = $scope.force
      OR EXISTS { (vc)-[:SHARED_WITH]->(:Force {code: $scope.force}) }
  })
         RETURN DISTINCT hv.victim_key AS victim
       }) END AS victim_count
