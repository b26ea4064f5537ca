// The content items each account in $ids posted.
// Access: only what $scope (a map {all, force}) may see; see docs/api.md.
UNWIND $ids AS key
MATCH (:Account {id: key})<-[:POSTED_BY]-(i:ContentItem)
WHERE ($scope.all OR EXISTS {
    MATCH (i)<-[:CONCERNS]-(:Report)-[:IN_CASE]->(vc:Case)
    WHERE vc.owning_force = $scope.force OR vc.investigating_force = $scope.force
      OR EXISTS { (vc)-[:SHARED_WITH]->(:Force {code: $scope.force}) }
  })
RETURN key, i.key AS id
ORDER BY key, i.posted_at, id
