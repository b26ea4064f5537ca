// The evidence packages of case $case, oldest version first, without their bytes: who generated each, when,
// its hash, its files and who downloaded it.
// Access: only what $scope (a map {all, force}) may see; see docs/api.md.
MATCH (c:Case {id: $case})-[:HAS_PACKAGE]->(p:EvidencePackage)
WHERE ($scope.all OR c.owning_force = $scope.force OR c.investigating_force = $scope.force
      OR EXISTS { (c)-[:SHARED_WITH]->(:Force {code: $scope.force}) })
RETURN p.id AS id, p.case AS case, p.version AS version, p.generated_at AS generated_at,
       p.generated_by AS generated_by, p.generated_role AS generated_role, p.for_force AS for_force,
       p.sha256 AS sha256, p.size AS size, p.files_json AS files_json, p.exhibits AS exhibits,
       p.contacts_included AS contacts_included, coalesce(p.downloaded_at, []) AS downloaded_at,
       coalesce(p.downloaded_by, []) AS downloaded_by, coalesce(p.downloaded_files, []) AS downloaded_files
ORDER BY p.version
