// The resolved subject $id as intelligence sees it: names, repeat-offender standing, the accounts it CONTROLS
// (with confidence, method and evidence) and the reports behind it (naming those accounts, or describing the
// subjects it resolves). Intelligence is the hub's: a force-scoped caller ($scope.all false) gets nothing.
MATCH (p:Person:Subject {id: $id})
WHERE $scope.all
CALL (p) {
  OPTIONAL MATCH (p)-[ctl:CONTROLS]->(a:Account)
  WITH ctl, a ORDER BY a.id
  RETURN collect(CASE WHEN a IS NOT NULL THEN {id: a.id, platform: a.platform, handle: a.handle,
    confidence: ctl.confidence, method: ctl.method, evidence: ctl.evidence, offender_score: a.offender_score,
    offender_rank: a.offender_rank} END) AS accounts
}
CALL (p) {
  OPTIONAL MATCH (p)-[:CONTROLS]->(:Account)<-[:NAMES_ACCOUNT]-(named:Report)
  RETURN collect(DISTINCT named.id) AS named
}
CALL (p) {
  OPTIONAL MATCH (p)-[:RESOLVES]->(:Person)<-[:HAS_SUBJECT]-(described:Report)
  RETURN collect(DISTINCT described.id) AS described
}
RETURN p.id AS id, coalesce(p.names, [x IN [p.name] WHERE x IS NOT NULL]) AS names,
       p.offender_score AS offender_score, p.offender_rank AS offender_rank, p.offender_evidence AS offender_evidence,
       accounts, reduce(s = [], x IN named + described | CASE WHEN x IN s THEN s ELSE s + x END) AS reports,
       null AS campaign
