// The duplicate links (DUPLICATE_OF, POSSIBLE_DUPLICATE) touching the reports of case $id, both ends visible.
// Access: only what $scope (a map {all, force}) may see; see docs/api.md.
MATCH (c:Case {id: $id})<-[:IN_CASE]-(r:Report)
WHERE ($scope.all OR c.owning_force = $scope.force OR c.investigating_force = $scope.force
      OR EXISTS { (c)-[:SHARED_WITH]->(:Force {code: $scope.force}) })
MATCH (r)-[link:DUPLICATE_OF|POSSIBLE_DUPLICATE]-(other:Report)
WHERE ($scope.all OR EXISTS {
    MATCH (other)-[:IN_CASE]->(vc:Case)
    WHERE vc.owning_force = $scope.force OR vc.investigating_force = $scope.force
      OR EXISTS { (vc)-[:SHARED_WITH]->(:Force {code: $scope.force}) }
  })
WITH DISTINCT link, startNode(link) AS source, endNode(link) AS target
RETURN source.id AS source, target.id AS target, toLower(type(link)) AS kind, link.rule AS rule,
       link.score AS score, link.evidence AS evidence,
       head([(source)-[:IN_CASE]->(sc:Case) | sc.id]) AS source_case,
       head([(target)-[:IN_CASE]->(tc:Case) | tc.id]) AS target_case
ORDER BY kind, source, target
