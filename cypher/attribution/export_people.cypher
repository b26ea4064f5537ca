// Resolved people of one role ($role: complainant or victim) with the reports of the records they resolve.
MATCH (r:Person {resolved: true, role: $role})-[:RESOLVES]->(p:Person)
MATCH (report:Report)-[:REPORTED_BY|HAS_VICTIM]->(p)
WHERE ($role = 'complainant' AND (report)-[:REPORTED_BY]->(p)) OR ($role = 'victim' AND (report)-[:HAS_VICTIM]->(p))
RETURN r.id AS person, collect(DISTINCT report.id) AS reports
ORDER BY person
