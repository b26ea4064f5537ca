// The content items of each campaign in $ids that the caller may see.
// Access: only what $scope (a map {all, force}) may see; see docs/api.md.
UNWIND $ids AS key
MATCH (:Campaign {id: key})<-[:PART_OF]-(i:ContentItem)
WHERE ($scope.all OR EXISTS {
    MATCH (i)<-[:CONCERNS]-(:Report)-[:IN_CASE]->(vc:Case)
    WHERE vc.owning_force = $scope.force OR vc.investigating_force = $scope.force
      OR EXISTS { (vc)-[:SHARED_WITH]->(:Force {code: $scope.force}) }
  })
RETURN key, i.key AS id
ORDER BY key, i.posted_at, id
