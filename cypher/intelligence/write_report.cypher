// A drafted IntelligenceReport ABOUT its subject (a Person, Account or Campaign, as $kind says): the content built
// from the graph (JSON), its summary, the grading the evidence suggests, who drafted it and when. Ungraded
// ('draft') until an analyst grades it. Returns nothing when the subject does not exist.
CALL () {
  MATCH (s:Person {id: $subject}) WHERE $kind = 'person' RETURN s
  UNION
  MATCH (s:Account {id: $subject}) WHERE $kind = 'account' RETURN s
  UNION
  MATCH (s:Campaign {id: $subject}) WHERE $kind = 'campaign' RETURN s
}
CREATE (r:IntelligenceReport {id: $id, subject_kind: $kind, subject_id: $subject, content_json: $content,
  summary: $summary, drafted_by: $by, drafted_at: datetime(), status: 'draft', grading_version: 0,
  suggested_source: $suggested_source, suggested_assessment: $suggested_assessment,
  suggestion_reason: $suggestion_reason})
CREATE (r)-[:ABOUT]->(s)
RETURN r.id AS id, r.drafted_at AS drafted_at
