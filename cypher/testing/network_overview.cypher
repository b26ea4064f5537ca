// Campaigns with their accounts, and every account's community and repeat-offender rank.
CALL () {
  MATCH (a:Account)-[:IN_CAMPAIGN]->(c:Campaign)
  WITH c, collect(a.id) AS accounts
  RETURN 'campaign' AS kind, c.id AS id, c.kind AS detail, accounts AS members, c.evidence AS evidence
  UNION ALL
  MATCH (a:Account) WHERE a.offender_rank IS NOT NULL
  RETURN 'account' AS kind, a.id AS id, toString(a.community) AS detail, [toString(a.offender_rank)] AS members,
         a.offender_evidence AS evidence
}
RETURN kind, id, detail, members, evidence
ORDER BY kind, id
