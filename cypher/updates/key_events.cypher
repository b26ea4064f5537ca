// Every key event a complainant is told about, per report: received, combined (with the case's other
// reports), assigned (to the case's owning force), referred (a referral of its case sent), content removed
// (an item it reports), suspect identified (an account named in its case controlled by a subject known by
// more than the bare account) and no further action (its case assessed nchi or no_record). `key` tells two
// events of one kind apart; `at` is when it happened (null when the graph does not say). Only the reports
// $reports, or all when it is null.
MATCH (r:Report)
WHERE $reports IS NULL OR r.id IN $reports
OPTIONAL MATCH (r)-[:IN_CASE]->(c:Case)
CALL (r, c) {
  RETURN 'received' AS event, 'received' AS key, r.received_at AS at, {} AS details
  UNION ALL
  WITH r, c WHERE c IS NOT NULL
  MATCH (c)<-[:IN_CASE]-(other:Report) WHERE other <> r
  WITH r, c, min(other.received_at) AS first_other, count(other) AS others
  RETURN 'combined' AS event, c.id AS key,
         CASE WHEN first_other > r.received_at THEN first_other ELSE r.received_at END AS at,
         {reports_in_case: others + 1} AS details
  UNION ALL
  WITH c WHERE c IS NOT NULL
  MATCH (c)-[o:OWNED_BY]->(f:Force)
  RETURN 'assigned' AS event, f.code AS key, o.at AS at, {force: f.name} AS details
  UNION ALL
  WITH c WHERE c IS NOT NULL
  MATCH (c)-[:HAS_REFERRAL]->(ref:Referral) WHERE ref.sent_at IS NOT NULL
  OPTIONAL MATCH (ref)-[:TO_PLATFORM]->(p:Platform)
  RETURN 'referred' AS event, ref.id AS key, ref.sent_at AS at, {platform: coalesce(p.id, ref.platform)} AS details
  UNION ALL
  WITH r
  MATCH (r)-[:CONCERNS]->(i:ContentItem) WHERE i.removed_at IS NOT NULL
  RETURN 'content_removed' AS event, i.key AS key, i.removed_at AS at, {platform: i.platform} AS details
  UNION ALL
  WITH c WHERE c IS NOT NULL
  MATCH (c)<-[:IN_CASE]-(:Report)-[:NAMES_ACCOUNT]->(:Account)<-[control:CONTROLS]-(s:Person:Subject)
  WHERE NOT control.method IN ['single_record', 'ambiguous'] OR size(coalesce(s.names, [])) > 0
  WITH DISTINCT s
  RETURN 'suspect_identified' AS event, s.id AS key, s.attributed_at AS at, {} AS details
  UNION ALL
  WITH c WHERE c IS NOT NULL AND c.classification IN ['nchi', 'no_record']
  RETURN 'no_further_action' AS event, c.classification AS key, c.assessed_at AS at,
         {classification: c.classification, assessment_json: c.assessment_json} AS details
}
RETURN r.id AS report, c.id AS case, event, key, at, details
ORDER BY report, event, key
