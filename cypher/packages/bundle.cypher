// One evidence package by $id with its zip bytes, when $scope may see its case.
// Access: only what $scope (a map {all, force}) may see; see docs/api.md.
MATCH (c:Case)-[:HAS_PACKAGE]->(p:EvidencePackage {id: $id})
WHERE ($scope.all OR c.owning_force = $scope.force OR c.investigating_force = $scope.force
      OR EXISTS { (c)-[:SHARED_WITH]->(:Force {code: $scope.force}) })
RETURN p.id AS id, p.case AS case, p.version AS version, p.sha256 AS sha256, p.for_force AS for_force,
       p.contacts_included AS contacts_included, coalesce(p.carries, []) AS carries, p.bundle AS bundle
