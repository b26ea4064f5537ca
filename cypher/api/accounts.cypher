// One page of the accounts the caller may see, by id, filtered by platform and handle text.
// Access: only what $scope (a map {all, force}) may see; see docs/api.md.
MATCH (a:Account)
WHERE ($scope.all OR EXISTS {
    MATCH (a)<-[:NAMES_ACCOUNT]-(:Report)-[:IN_CASE]->(vc:Case)
    WHERE vc.owning_force = $scope.force OR vc.investigating_force = $scope.force
      OR EXISTS { (vc)-[:SHARED_WITH]->(:Force {code: $scope.force}) }
  })
  AND ($filter.platform IS NULL OR a.platform = $filter.platform)
  AND ($filter.text IS NULL OR toLower(a.handle) CONTAINS $filter.text
       OR toLower(coalesce(a.display_name, '')) CONTAINS $filter.text)
  AND ($after IS NULL OR a.id > $after.id)
RETURN a.id AS id, a.id AS sort
ORDER BY a.id
LIMIT $limit
