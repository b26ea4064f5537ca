// The case $case as an evidence package states it: assessment, jurisdiction with its history and shares,
// the assessment's versions, and the forces' names.
// Access: only what $scope (a map {all, force}) may see; see docs/api.md.
MATCH (c:Case {id: $case})
WHERE ($scope.all OR c.owning_force = $scope.force OR c.investigating_force = $scope.force
      OR EXISTS { (c)-[:SHARED_WITH]->(:Force {code: $scope.force}) })
OPTIONAL MATCH (owner:Force {code: c.owning_force})
OPTIONAL MATCH (investigator:Force {code: c.investigating_force})
RETURN c.id AS id, c.status AS status, c.created_at AS created_at, c.classification AS classification,
       c.priority AS priority, c.cps_category AS cps_category, c.charge_by AS charge_by,
       c.assessment_json AS assessment_json, c.assessed_at AS assessed_at,
       c.owning_force AS owning_force, owner.name AS owning_force_name,
       c.investigating_force AS investigating_force, investigator.name AS investigating_force_name,
       c.jurisdiction_rule AS jurisdiction_rule, c.investigating_rule AS investigating_rule,
       c.tie_break_rule AS tie_break_rule, c.jurisdiction_explanation AS jurisdiction_explanation,
       c.jurisdiction_uncertain AS jurisdiction_uncertain, c.jurisdiction_inputs AS jurisdiction_inputs,
       coalesce(c.unresolved_postcodes, []) AS unresolved_postcodes, c.series_id AS series_id,
       c.series_lead_force AS series_lead_force, c.series_explanation AS series_explanation,
       [(c)-[:HAD_ASSIGNMENT_CHANGE]->(change:AssignmentChange) |
         change {.id, .kind, .at, .by, .from, .to, .reason, .active, .undone_by, .undone_at, .undo_reason}] AS assignments,
       [(c)-[:HAD_ASSESSMENT]->(v:AssessmentVersion) | v {.id, .at, .changes, .trigger, .report_count}] AS assessments,
       [(c)-[share:SHARED_WITH]->(force:Force) | {force: force.code, name: force.name, by: share.by, at: share.at,
         reason: share.reason}] AS shares
