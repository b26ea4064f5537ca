// One AssignmentNotice per change of a case's owning force, with the force's hate crime lead as the directory
// gave it then; pending until someone marks it sent. FOR_FORCE links the force (none when the hub retains).
UNWIND $rows AS row
MATCH (c:Case {id: row.case})
CREATE (c)-[:HAD_NOTICE]->(n:AssignmentNotice {id: row.id, case: row.case, force: row.force,
  previous: row.previous, kind: row.kind, by: row.by, reason: row.reason, explanation: row.explanation,
  to_name: row.to_name, to_email: row.to_email, to_phone: row.to_phone, at: datetime(), status: 'pending'})
WITH n, row
OPTIONAL MATCH (force:Force {code: row.force})
FOREACH (_ IN CASE WHEN force IS NULL THEN [] ELSE [1] END | CREATE (n)-[:FOR_FORCE]->(force))
RETURN n.id AS id
