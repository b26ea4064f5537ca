// Every duplicate link, as pairs of report ids: the edges of the clustering projection.
MATCH (a:Report)-[:DUPLICATE_OF]->(b:Report)
RETURN a.id AS a, b.id AS b
