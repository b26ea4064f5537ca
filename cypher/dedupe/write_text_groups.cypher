// Copy-paste evidence (batch): writes the near-duplicate groups that MinHash/LSH found.
UNWIND $rows AS row
MERGE (g:TextGroup {id: row.group})
SET g.method = row.method, g.accounts = row.accounts
WITH g, row
UNWIND row.items AS key
MATCH (item:ContentItem {key: key})
MERGE (item)-[:HAS_TEXT]->(g)
