// Removes resolved people of one role ($role) that resolve nobody any more.
MATCH (r:Person {resolved: true, role: $role})
WHERE NOT (r)-[:RESOLVES]->()
DETACH DELETE r
RETURN count(*) AS dropped
