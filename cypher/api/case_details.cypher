// The assessment and jurisdiction in full of each case among $ids: the stored assessment (offences, trace,
// overrides, machine view), the jurisdiction decision with its inputs, its history, shares and notices.
// Access: only what $scope (a map {all, force}) may see; see docs/api.md.
UNWIND $ids AS id
MATCH (c:Case {id: id})
WHERE ($scope.all OR c.owning_force = $scope.force OR c.investigating_force = $scope.force
      OR EXISTS { (c)-[:SHARED_WITH]->(:Force {code: $scope.force}) })
RETURN c.id AS id, c.assessment_json AS assessment_json, c.assessed_at AS assessed_at,
       c.owning_force AS owning_force, c.investigating_force AS investigating_force,
       c.jurisdiction_rule AS rule, c.investigating_rule AS investigating_rule, c.tie_break_rule AS tie_break_rule,
       c.jurisdiction_explanation AS explanation, c.jurisdiction_uncertain AS uncertain,
       c.jurisdiction_inputs AS inputs_json, c.unresolved_postcodes AS unresolved_postcodes,
       [(c)-[:HAD_ASSIGNMENT_CHANGE]->(change:AssignmentChange) |
         change {.id, .kind, .at, .by, .from, .to, .reason, .active}] AS history,
       [(c)-[share:SHARED_WITH]->(force:Force) | {force: force.code, by: share.by, at: share.at, reason: share.reason}]
         AS shares,
       [(c)-[:HAD_NOTICE]->(notice:AssignmentNotice) |
         notice {.id, .force, .previous, .kind, .by, .reason, .at, .status, .to_name, .to_email, .sent_at}] AS notices
