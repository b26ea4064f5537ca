// Copy-paste evidence (online): items with the same normalised text posted by different accounts join
// one TextGroup. Campaign evidence only: it never makes their reports duplicates.
UNWIND $keys AS key
MATCH (item:ContentItem {key: key})
WHERE item.text_key IS NOT NULL
MATCH (same:ContentItem {text_key: item.text_key})-[:POSTED_BY]->(author:Account)
WITH item.text_key AS text_key, collect(DISTINCT same) AS items, count(DISTINCT author) AS authors
WHERE authors > 1
MERGE (g:TextGroup {id: text_key})
ON CREATE SET g.method = 'exact'
SET g.accounts = authors
WITH g, items
UNWIND items AS member
MERGE (member)-[:HAS_TEXT]->(g)
