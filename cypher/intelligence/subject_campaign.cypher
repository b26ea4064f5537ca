// The campaign $id as intelligence sees it: kind, time span, strength, evidence, how many victims (a count, never
// their keys), its accounts and the reports of its content. Intelligence is the hub's: a force-scoped caller
// ($scope.all false) gets nothing.
MATCH (k:Campaign {id: $id})
WHERE $scope.all
CALL (k) {
  OPTIONAL MATCH (a:Account)-[:IN_CAMPAIGN]->(k)
  OPTIONAL MATCH (p:Person)-[ctl:CONTROLS]->(a)
  WITH a, p, ctl ORDER BY a.id, ctl.confidence DESC
  WITH a, collect(CASE WHEN p IS NOT NULL THEN {id: p.id, confidence: ctl.confidence, method: ctl.method} END)
         AS controllers
  RETURN collect(CASE WHEN a IS NOT NULL THEN {id: a.id, platform: a.platform, handle: a.handle,
    controllers: controllers, offender_score: a.offender_score, offender_rank: a.offender_rank} END) AS accounts
}
CALL (k) {
  OPTIONAL MATCH (k)<-[:PART_OF]-(:ContentItem)<-[:CONCERNS]-(r:Report)
  RETURN collect(DISTINCT r.id) AS reports
}
RETURN k.id AS id, [] AS names, null AS offender_score, null AS offender_rank, null AS offender_evidence, accounts,
       reports, {kind: k.kind, start: k.start, end: k.end, strength: k.strength, evidence: k.evidence,
                 victim_count: size(coalesce(k.victims, [])), account_count: k.account_count} AS campaign
