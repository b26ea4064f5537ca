// Writes each account's or person's community and role scores.
UNWIND $rows AS row
CALL (row) {
  MATCH (n:Account {id: row.id}) RETURN n
  UNION
  MATCH (n:Person {id: row.id}) RETURN n
}
SET n.community = row.community, n.community_size = row.community_size, n.degree = row.degree,
    n.weighted_degree = row.weighted_degree, n.pagerank = row.pagerank, n.betweenness = row.betweenness
MERGE (c:Community {id: row.community})
SET c.size = row.community_size
MERGE (n)-[:MEMBER_OF]->(c)
