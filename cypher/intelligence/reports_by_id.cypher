// The intelligence reports in $ids, each with its current grading, its grading history (oldest first) and the
// disclosures that carried it. Intelligence is the hub's: a force-scoped caller gets nothing.
UNWIND $ids AS key
MATCH (r:IntelligenceReport {id: key})
WHERE $scope.all
RETURN r.id AS id, r.subject_kind AS subject_kind, r.subject_id AS subject_id, r.status AS status,
       r.summary AS summary, r.content_json AS content_json, r.drafted_by AS drafted_by, r.drafted_at AS drafted_at,
       r.source AS source, r.assessment AS assessment, r.handling AS handling, r.conditions AS conditions,
       coalesce(r.flags, []) AS flags, r.graded_by AS graded_by, r.graded_at AS graded_at,
       r.grade_reason AS grade_reason, r.suggested_source AS suggested_source,
       r.suggested_assessment AS suggested_assessment, r.suggestion_reason AS suggestion_reason,
       COLLECT { MATCH (r)-[:HAD_GRADING]->(g:IntelligenceGrading)
                 RETURN g {.version, .source, .assessment, .handling, .conditions, .flags, .by, .reason, .at,
                           .suggested_source, .suggested_assessment, .suggestion_reason} AS grading
                 ORDER BY g.version } AS gradings,
       COLLECT { MATCH (d:Disclosure)-[:DISCLOSED]->(r) RETURN d.id AS disclosure ORDER BY d.at, d.id } AS disclosures
