// The content items of case $case that a referral could list, each with its platform, whether its removal is
// recorded, and whether an open referral ($open statuses) to its platform already lists it; with the case's
// stored assessment. Takes each item's write lock (the value is unchanged), so that two drafts at once cannot
// list an item twice. No row when there is no such case.
MATCH (c:Case {id: $case})
CALL (c) {
  OPTIONAL MATCH (c)<-[:IN_CASE]-(:Report)-[:CONCERNS]->(i:ContentItem)
  WITH DISTINCT i WHERE i IS NOT NULL
  SET i.removed_at = i.removed_at
  RETURN collect({key: i.key, platform: coalesce(i.platform, 'other'), removed: i.removed_at IS NOT NULL,
                  referred: EXISTS {
                    MATCH (i)<-[:LISTS]-(r:Referral)
                    WHERE r.platform = coalesce(i.platform, 'other') AND r.status IN $open
                  },
                  cases: [c.id]}) AS items
}
RETURN c.id AS case, items, [{case: c.id, assessment_json: c.assessment_json}] AS assessments
