// The content items of campaign $campaign (PART_OF) that a referral could list, each with its platform,
// whether its removal is recorded, whether an open referral ($open statuses) to its platform already lists it,
// and the cases whose reports concern it; with those cases' stored assessments. Takes each item's
// write lock (the value is unchanged), so that two drafts at once cannot list an item twice.
// No row when there is no such campaign.
MATCH (k:Campaign {id: $campaign})
CALL (k) {
  OPTIONAL MATCH (i:ContentItem)-[:PART_OF]->(k)
  WITH DISTINCT i WHERE i IS NOT NULL
  SET i.removed_at = i.removed_at
  RETURN collect({key: i.key, platform: coalesce(i.platform, 'other'), removed: i.removed_at IS NOT NULL,
                  referred: EXISTS {
                    MATCH (i)<-[:LISTS]-(r:Referral)
                    WHERE r.platform = coalesce(i.platform, 'other') AND r.status IN $open
                  },
                  cases: COLLECT { MATCH (i)<-[:CONCERNS]-(:Report)-[:IN_CASE]->(c:Case) RETURN DISTINCT c.id }
                 }) AS items
}
CALL (k) {
  OPTIONAL MATCH (k)<-[:PART_OF]-(:ContentItem)<-[:CONCERNS]-(:Report)-[:IN_CASE]->(c:Case)
  WITH DISTINCT c WHERE c IS NOT NULL
  RETURN collect({case: c.id, assessment_json: c.assessment_json}) AS assessments
}
RETURN k.id AS campaign, items, assessments
