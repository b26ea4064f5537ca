// One case the caller may see, with everything the case page explains: assessment, jurisdiction, series.
// Access: only what $scope (a map {all, force}) may see; see docs/api.md.
MATCH (c:Case {id: $id})
WHERE ($scope.all OR c.owning_force = $scope.force OR c.investigating_force = $scope.force
      OR EXISTS { (c)-[:SHARED_WITH]->(:Force {code: $scope.force}) })
OPTIONAL MATCH (c)-[:OWNED_BY]->(owner:Force)
OPTIONAL MATCH (c)-[:INVESTIGATED_BY]->(investigator:Force)
RETURN c.id AS id, c.status AS status, c.created_at AS created_at, c.classification AS classification,
       c.priority AS priority, c.cps_category AS cps_category, c.charge_by AS charge_by,
       c.assessment_json AS assessment_json, c.assessed_at AS assessed_at,
       c.assessment_policy_version AS assessment_policy_version,
       c.owning_force AS owning_force, owner.name AS owning_force_name,
       c.investigating_force AS investigating_force, investigator.name AS investigating_force_name,
       c.jurisdiction_rule AS jurisdiction_rule, c.investigating_rule AS investigating_rule,
       c.jurisdiction_explanation AS jurisdiction_explanation, c.jurisdiction_uncertain AS jurisdiction_uncertain,
       coalesce(c.unresolved_postcodes, []) AS unresolved_postcodes,
       c.series_id AS series_id, c.series_lead_force AS series_lead_force, c.series_explanation AS series_explanation,
       COUNT { (c)<-[:IN_CASE]-(:Report) } AS report_count
