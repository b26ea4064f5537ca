// The content items a report concerns, each with its author account and the URL as reported.
MATCH (r:Report {id: $id})-[c:CONCERNS]->(item:ContentItem)
OPTIONAL MATCH (item)-[:POSTED_BY]->(a:Account)
RETURN item.key AS key, c.original_url AS original_url, a.id AS account
ORDER BY c.position
