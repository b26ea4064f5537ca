// The account $id as intelligence sees it: its standing, who controls it (confidence, method, evidence) and the
// reports naming it. Intelligence is the hub's: a force-scoped caller ($scope.all false) gets nothing.
MATCH (a:Account {id: $id})
WHERE $scope.all
CALL (a) {
  OPTIONAL MATCH (p:Person)-[ctl:CONTROLS]->(a)
  WITH p, ctl ORDER BY ctl.confidence DESC, p.id
  RETURN collect(CASE WHEN p IS NOT NULL THEN {id: p.id, names: p.names, confidence: ctl.confidence,
    method: ctl.method, evidence: ctl.evidence} END) AS controllers
}
CALL (a) {
  OPTIONAL MATCH (a)<-[:NAMES_ACCOUNT]-(r:Report)
  RETURN collect(DISTINCT r.id) AS reports
}
RETURN a.id AS id, [x IN [a.display_name] WHERE x IS NOT NULL] AS names, a.offender_score AS offender_score,
       a.offender_rank AS offender_rank, a.offender_evidence AS offender_evidence,
       [{id: a.id, platform: a.platform, handle: a.handle, controllers: controllers,
         offender_score: a.offender_score, offender_rank: a.offender_rank}] AS accounts, reports, null AS campaign
