// Before a rewrite: removes what resolved people of one role ($role: complainant or victim) resolve.
MATCH (r:Person {resolved: true, role: $role})-[x:RESOLVES]->()
DELETE x
