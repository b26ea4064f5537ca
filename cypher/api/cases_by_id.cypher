// The cases among $ids the caller may see, with their assessment and jurisdiction summary.
// Times travel as text (parsed in graph/read/nodes.py: far cheaper than the driver's temporals).
// Access: only what $scope (a map {all, force}) may see; see docs/api.md.
UNWIND $ids AS id
MATCH (c:Case {id: id})
WHERE ($scope.all OR c.owning_force = $scope.force OR c.investigating_force = $scope.force
      OR EXISTS { (c)-[:SHARED_WITH]->(:Force {code: $scope.force}) })
RETURN c.id AS id, c.status AS status, toString(c.created_at) AS created_at, c.classification AS classification,
       c.priority AS priority, c.cps_category AS cps_category, toString(c.charge_by) AS charge_by,
       c.owning_force AS owning_force, c.investigating_force AS investigating_force,
       c.jurisdiction_explanation AS jurisdiction_explanation, c.jurisdiction_uncertain AS jurisdiction_uncertain,
       COUNT { (c)<-[:IN_CASE]-(:Report) } AS report_count
