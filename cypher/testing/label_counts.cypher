// Nodes per label and relationships per type: the fingerprint tests compare between runs.
CALL () {
  MATCH (n) WHERE NOT n:Migration
  RETURN 'node:' + labels(n)[0] AS kind, count(*) AS total
  UNION ALL
  MATCH ()-[r]->()
  RETURN 'rel:' + type(r) AS kind, count(*) AS total
}
RETURN kind, total ORDER BY kind
