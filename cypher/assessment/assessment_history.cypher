// A case's assessment as stored now, every earlier version with what changed, and every override.
MATCH (c:Case {id: $case})
CALL (c) {
  OPTIONAL MATCH (c)-[:HAD_ASSESSMENT]->(v:AssessmentVersion)
  WITH v ORDER BY v.at, v.id
  RETURN collect(v {.id, .at, .changes, .trigger, .report_count}) AS versions
}
CALL (c) {
  OPTIONAL MATCH (c)-[:HAS_OVERRIDE]->(o:Override)
  WITH o ORDER BY o.at, o.id
  RETURN collect(o {.id, .field, .value_json, .reason, .officer, .at, .active, .undone_by, .undone_at, .undo_reason}) AS overrides
}
RETURN c.id AS case, c.assessment_json AS assessment_json, versions, overrides
