// Benchmarks: some cases a force owns, and accounts named in their reports.
MATCH (c:Case {owning_force: $force})
WITH c LIMIT $limit
OPTIONAL MATCH (c)<-[:IN_CASE]-(:Report)-[:NAMES_ACCOUNT]->(a:Account)
RETURN collect(DISTINCT c.id) AS cases, collect(DISTINCT a.id)[..$limit] AS accounts
