// Tests: every resolved person with its labels, role, the records it resolves and the accounts it controls.
MATCH (r:Person {resolved: true})
RETURN r.id AS id, r.role AS role, labels(r) AS labels,
       COLLECT { MATCH (r)-[:RESOLVES]->(p:Person) RETURN p.id ORDER BY p.id } AS resolves,
       COLLECT { MATCH (r)-[:CONTROLS]->(a:Account) RETURN a.id ORDER BY a.id } AS accounts
ORDER BY id
