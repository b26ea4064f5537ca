// One draft Referral per row: to its platform (TO_PLATFORM, the Platform made when unknown), listing its items
// in order (LISTS), from each case whose content it lists (HAS_REFERRAL). Returns the new referrals' ids.
UNWIND $rows AS row
MERGE (p:Platform {id: row.platform})
ON CREATE SET p.name = row.platform_name
CREATE (r:Referral {id: row.id, case: row.case, campaign: row.campaign, platform: row.platform,
  platform_name: row.platform_name, status: 'draft', basis: row.basis, basis_kind: row.basis_kind,
  offences: row.offences, policy_name: row.policy_name, policy_url: row.policy_url, contact: row.contact,
  trusted_flagger: row.trusted_flagger, response_hours: row.response_hours, created_at: datetime(),
  created_by: row.by, history: row.history})
CREATE (r)-[:TO_PLATFORM]->(p)
WITH r, row
CALL (r, row) {
  UNWIND range(0, size(row.items) - 1) AS position
  MATCH (i:ContentItem {key: row.items[position]})
  CREATE (r)-[:LISTS {position: position}]->(i)
}
CALL (r, row) {
  UNWIND row.cases AS case_id
  MATCH (c:Case {id: case_id})
  CREATE (c)-[:HAS_REFERRAL]->(r)
}
RETURN r.id AS id
