// The resolved person each record resolves into now ($role: subject, complainant or victim), to keep ids stable.
// For subjects the records are accounts (CONTROLS); for the other roles, as-given persons (RESOLVES).
MATCH (r:Person {resolved: true, role: $role})-[:CONTROLS|RESOLVES]->(x)
WHERE ($role = 'subject' AND x:Account) OR ($role <> 'subject' AND x:Person)
RETURN x.id AS record, r.id AS person
