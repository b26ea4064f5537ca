// The case $case, when $scope may see it, write-locked for this transaction (so two generations number their
// versions one after the other; the property set is removed again), with the version its next package takes.
// Access: only what $scope (a map {all, force}) may see; see docs/api.md.
MATCH (c:Case {id: $case})
WHERE ($scope.all OR c.owning_force = $scope.force OR c.investigating_force = $scope.force
      OR EXISTS { (c)-[:SHARED_WITH]->(:Force {code: $scope.force}) })
SET c.package_lock = true
WITH c
REMOVE c.package_lock
WITH c, [(c)-[:HAS_PACKAGE]->(p:EvidencePackage) | p.version] AS versions
RETURN c.id AS id, reduce(top = 0, v IN versions | CASE WHEN v > top THEN v ELSE top END) + 1 AS version
