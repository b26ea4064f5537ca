// What the advice library is matched on, for each case in $cases the caller may see ($scope, see docs/api.md):
// the stored assessment (offences made out, CPS category, classification), the platforms of its content, the
// indicators its reports set, the kinds of campaign its content is part of, whether it is in a linked series,
// and whether a victim is vulnerable or under 18.
UNWIND $cases AS case_id
MATCH (c:Case {id: case_id})
WHERE ($scope.all OR c.owning_force = $scope.force OR c.investigating_force = $scope.force
      OR EXISTS { (c)-[:SHARED_WITH]->(:Force {code: $scope.force}) })
CALL (c) {
  OPTIONAL MATCH (c)<-[:IN_CASE]-(r:Report)
  UNWIND coalesce(r.indicators, []) AS indicator
  RETURN collect(DISTINCT indicator) AS indicators
}
CALL (c) {
  OPTIONAL MATCH (c)<-[:IN_CASE]-(:Report)-[:CONCERNS]->(item:ContentItem)
  OPTIONAL MATCH (item)-[:PART_OF]->(campaign:Campaign)
  RETURN collect(DISTINCT item.platform) AS platforms, collect(DISTINCT campaign.kind) AS campaign_kinds
}
CALL (c) {
  OPTIONAL MATCH (c)<-[:IN_CASE]-(:Report)-[v:HAS_VICTIM]->(:Person)
  RETURN any(flag IN collect(coalesce(v.vulnerable, false) OR coalesce(v.under_18, false)) WHERE flag) AS vulnerable_victim
}
RETURN c.id AS case, c.assessment_json AS assessment_json, c.classification AS classification,
       c.cps_category AS cps_category, indicators, platforms, campaign_kinds,
       EXISTS { (c)-[:LINKED_SERIES]-(:Case) } AS in_series, vulnerable_victim
