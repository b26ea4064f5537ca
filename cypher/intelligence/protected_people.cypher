// The victims and reporters (complainants) of the reports in $ids: every detail of theirs that a sanitised
// export must remove (names, e-mails, phones, postcodes, dates of birth, victim keys), each person once, victims
// first. The reporter who is also the victim counts as a victim.
UNWIND $ids AS key
MATCH (r:Report {id: key})-[rel:REPORTED_BY|HAS_VICTIM]->(p:Person)
WITH p, collect(type(rel)) AS roles, collect(rel.victim_key) AS keys, min(r.received_at) AS first_seen
WITH p, CASE WHEN 'HAS_VICTIM' IN roles THEN 'victim' ELSE 'complainant' END AS role, keys, first_seen
RETURN p.id AS id, role, [x IN [p.name, p.display_name] WHERE x IS NOT NULL] AS names,
       [(p)-[:HAS_IDENTIFIER]->(i:Identifier {kind: 'email'}) | i.value] AS emails,
       [(p)-[:HAS_IDENTIFIER]->(i:Identifier {kind: 'phone'}) | i.value] AS phones,
       [(p)-[:LIVES_AT]->(pc:Postcode) | pc.code] AS postcodes,
       [x IN [p.date_of_birth] WHERE x IS NOT NULL] AS dates_of_birth, [x IN keys WHERE x IS NOT NULL] AS keys
ORDER BY CASE role WHEN 'victim' THEN 0 ELSE 1 END, first_seen, id
