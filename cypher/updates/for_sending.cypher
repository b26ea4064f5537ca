// The updates $ids as a sender needs them: status, channel, the facts of their words and the complainant's
// name and address for the channel, as the graph holds them now.
UNWIND $ids AS update_id
MATCH (u:ComplainantUpdate {id: update_id})
MATCH (r:Report {id: u.report})
OPTIONAL MATCH (r)-[:REPORTED_BY]->(p:Person)
CALL (u, p) {
  OPTIONAL MATCH (p)-[:HAS_IDENTIFIER]->(i:Identifier {kind: u.channel})
  OPTIONAL MATCH (p)-[:LIVES_AT]->(pc:Postcode)
  RETURN CASE WHEN u.channel = 'post' AND pc IS NOT NULL THEN coalesce(p.name + ', ', '') + pc.code
              ELSE i.value END AS address
  LIMIT 1
}
RETURN u.id AS id, u.report AS report, u.case AS case, u.event AS event, u.status AS status,
       u.channel AS channel, u.facts_json AS facts_json, u.not_contactable_reason AS not_contactable_reason,
       u.withdrawn_reason AS withdrawn_reason, u.sent_at AS sent_at, u.sent_by AS sent_by, p.id AS complainant,
       p.name AS name, address
