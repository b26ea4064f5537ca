// Writes each repeat offender's score, rank and the evidence behind it.
UNWIND $rows AS row
CALL (row) {
  MATCH (n:Account {id: row.subject}) WHERE row.kind = 'account' RETURN n
  UNION
  MATCH (n:Person {id: row.subject}) WHERE row.kind = 'person' RETURN n
}
SET n.offender_score = row.score, n.offender_rank = row.rank, n.offender_evidence = row.evidence,
    n.offender_kind = row.kind
