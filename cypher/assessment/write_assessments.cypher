// Stores each case's assessment (the officers' values where they overrode, the machine's view inside the
// JSON, compressed: domain.results.stored) and, when it changed, a new AssessmentVersion saying in words what
// changed.
UNWIND $rows AS row
MATCH (c:Case {id: row.case})
SET c.classification = row.classification, c.priority = row.priority, c.cps_category = row.cps_category,
    c.charge_by = row.charge_by, c.assessment_json = row.json, c.assessed_at = datetime(),
    c.assessment_policy_version = row.policy_version
WITH c, row
WHERE size(row.changes) > 0
CREATE (c)-[:HAD_ASSESSMENT]->(:AssessmentVersion {id: randomUUID(), at: datetime(), json: row.json,
  changes: row.changes, trigger: row.trigger, report_count: row.report_count})
