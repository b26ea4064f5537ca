// The visible reports counted by the platform of their content or named accounts.
// Access: only what $scope (a map {all, force}) may see; see docs/api.md.
MATCH (r:Report)
WHERE ($scope.all OR EXISTS {
    MATCH (r)-[:IN_CASE]->(vc:Case)
    WHERE vc.owning_force = $scope.force OR vc.investigating_force = $scope.force
      OR EXISTS { (vc)-[:SHARED_WITH]->(:Force {code: $scope.force}) }
  })
UNWIND [(r)-[:CONCERNS]->(i:ContentItem) | i.platform] + [(r)-[:NAMES_ACCOUNT]->(a:Account) | a.platform] AS platform
WITH platform, r WHERE platform IS NOT NULL
WITH platform AS label, count(DISTINCT r) AS value
RETURN label, value
ORDER BY value DESC, label
