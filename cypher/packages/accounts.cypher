// The accounts the reports of case $case name (as author of reported content or as the suspect's), each with
// the resolved person controlling it, how sure and by which method; the evidence in words only for a $scope
// of the whole graph (it can describe what lies outside a force's cases, as in the API).
// Access: only what $scope (a map {all, force}) may see; see docs/api.md.
MATCH (c:Case {id: $case})<-[:IN_CASE]-(:Report)-[n:NAMES_ACCOUNT]->(a:Account)
WHERE ($scope.all OR c.owning_force = $scope.force OR c.investigating_force = $scope.force
      OR EXISTS { (c)-[:SHARED_WITH]->(:Force {code: $scope.force}) })
WITH a, collect(n) AS names
WITH a, any(n IN names WHERE n.as_author) AS as_author, any(n IN names WHERE n.as_suspect) AS as_suspect
OPTIONAL MATCH (a)<-[ctl:CONTROLS]-(p:Person)
RETURN a.id AS id, a.platform AS platform, a.handle AS handle, a.display_name AS display_name,
       a.profile_url AS profile_url, as_author, as_suspect, p.id AS controller, p.name AS controller_name,
       ctl.confidence AS confidence, ctl.method AS method, CASE WHEN $scope.all THEN ctl.evidence END AS evidence
ORDER BY id, confidence DESC
