// Resolved complainants or repeat victims ($role, from an allow-list in graph/attribution/people.py): one
// Person per group of as-given records, labelled by role, RESOLVES each with its confidence and evidence.
UNWIND $rows AS row
MERGE (r:Person {id: row.id})
SET r.resolved = true, r.role = $role, r.names = row.names, r.report_count = row.report_count,
    r.resolved_at = datetime()
FOREACH (_ IN CASE WHEN $role = 'complainant' THEN [1] ELSE [] END | SET r:Complainant)
FOREACH (_ IN CASE WHEN $role = 'victim' THEN [1] ELSE [] END | SET r:RepeatVictim)
WITH r, row
UNWIND row.members AS member
MATCH (p:Person {id: member.record})
MERGE (r)-[x:RESOLVES]->(p)
SET x.confidence = member.confidence, x.method = member.method, x.evidence = member.evidence,
    x.linked_to = member.linked_to
