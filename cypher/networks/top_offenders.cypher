// The top repeat offenders, accounts and persons, best rank first within each kind.
CALL () {
  MATCH (n:Account) WHERE n.offender_rank IS NOT NULL AND n.offender_rank <= $limit RETURN n
  UNION
  MATCH (n:Person) WHERE n.offender_rank IS NOT NULL AND n.offender_rank <= $limit RETURN n
}
RETURN n.id AS subject, n.offender_kind AS kind, n.offender_rank AS rank, n.offender_score AS score,
       n.offender_evidence AS evidence
ORDER BY kind, rank, subject
