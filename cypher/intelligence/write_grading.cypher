// An analyst's grading of the IntelligenceReport $id: a new IntelligenceGrading version (the earlier ones kept,
// each with the suggestion it was made beside), and the report's current grading set from it.
MATCH (r:IntelligenceReport {id: $id})
SET r.grading_version = coalesce(r.grading_version, 0) + 1
WITH r
CREATE (r)-[:HAD_GRADING]->(g:IntelligenceGrading {id: r.id + '#grading' + toString(r.grading_version),
  report: r.id, version: r.grading_version, source: $source, assessment: $assessment, handling: $handling,
  conditions: $conditions, flags: $flags, by: $by, reason: $reason, at: datetime(),
  suggested_source: r.suggested_source, suggested_assessment: r.suggested_assessment,
  suggestion_reason: r.suggestion_reason})
SET r.status = 'graded', r.source = $source, r.assessment = $assessment, r.handling = $handling,
    r.conditions = $conditions, r.flags = $flags, r.graded_by = $by, r.graded_at = g.at, r.grade_reason = $reason
RETURN r.id AS id, g.version AS version, g.at AS at
