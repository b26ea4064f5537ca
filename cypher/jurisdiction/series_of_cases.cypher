// The linked series of each case in $cases: every case joined to it by LINKED_SERIES (either direction,
// any distance), itself included, in the order of their earliest report.
UNWIND $cases AS case_id
MATCH (c:Case {id: case_id})
OPTIONAL MATCH (c)-[:LINKED_SERIES*]-(other:Case)
WITH c, collect(DISTINCT other) AS others
UNWIND [c] + [o IN others WHERE o <> c] AS member
CALL (member) {
  MATCH (member)<-[:IN_CASE]-(r:Report)
  RETURN min(r.received_at) AS first
}
WITH c, member, first
ORDER BY first, member.id
RETURN c.id AS case, collect(member.id) AS series
