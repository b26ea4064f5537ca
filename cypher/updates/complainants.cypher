// Per report: how its complainant (the reporter) may be contacted, as they said at intake, whether an address
// is held for each channel, and what makes its victims entitled to enhanced rights under the Victims' Code.
MATCH (r:Report)
WHERE $reports IS NULL OR r.id IN $reports
OPTIONAL MATCH (r)-[how:REPORTED_BY]->(p:Person)
OPTIONAL MATCH (r)-[:IN_CASE]->(c:Case)
RETURN r.id AS report, r.reference AS reference, r.received_at AS received_at, c.id AS case,
       c.priority AS priority, coalesce(r.indicators, []) AS indicators, p.id AS person, p.name AS name,
       coalesce(how.anonymous, r.anonymous, false) AS anonymous, coalesce(how.contact_consent, true) AS consent,
       how.preferred_contact AS preferred,
       EXISTS { (p)-[:HAS_IDENTIFIER]->(:Identifier {kind: 'email'}) } AS has_email,
       EXISTS { (p)-[:HAS_IDENTIFIER]->(:Identifier {kind: 'phone'}) } AS has_phone,
       EXISTS { (p)-[:LIVES_AT]->(:Postcode) } AS has_postcode,
       EXISTS { (r)-[v:HAS_VICTIM]->() WHERE v.vulnerable = true } AS vulnerable,
       EXISTS { (r)-[v:HAS_VICTIM]->() WHERE v.under_18 = true } AS under_18,
       EXISTS { (r)-[:HAS_VICTIM]->(:Person)<-[:RESOLVES]-(:Person:RepeatVictim) } AS repeat_victim
ORDER BY report
