// The campaigns each content item in $ids is part of.
// Access: only what $scope (a map {all, force}) may see; see docs/api.md.
UNWIND $ids AS key
MATCH (i:ContentItem {key: key})-[:PART_OF]->(k:Campaign)
WHERE ($scope.all OR EXISTS {
    MATCH (i)<-[:CONCERNS]-(:Report)-[:IN_CASE]->(vc:Case)
    WHERE vc.owning_force = $scope.force OR vc.investigating_force = $scope.force
      OR EXISTS { (vc)-[:SHARED_WITH]->(:Force {code: $scope.force}) }
  })
RETURN key, k.id AS id
ORDER BY key, id
