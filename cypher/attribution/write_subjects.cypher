// Resolved subjects: one Person:Subject per group of accounts, CONTROLS each with its confidence and
// evidence, and RESOLVES the as-given subject persons said to use them.
UNWIND $rows AS row
MERGE (s:Person {id: row.id})
SET s:Subject, s.resolved = true, s.role = 'subject', s.names = row.names, s.account_count = size(row.members),
    s.attributed_at = datetime()
WITH s, row
CALL (s, row) {
  UNWIND row.members AS member
  MATCH (a:Account {id: member.record})
  MERGE (s)-[c:CONTROLS]->(a)
  SET c.confidence = member.confidence, c.method = member.method, c.evidence = member.evidence,
      c.linked_to = member.linked_to
}
CALL (s, row) {
  UNWIND row.resolves AS person
  MATCH (p:Person {id: person})
  MERGE (s)-[:RESOLVES]->(p)
}
RETURN count(s) AS written
