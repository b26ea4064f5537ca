// Copy-paste evidence (batch): every item with text, its author and its exact-text key.
MATCH (item:ContentItem)-[:POSTED_BY]->(author:Account)
WHERE item.text_key IS NOT NULL
RETURN item.key AS key, item.text AS text, item.text_key AS text_key, author.id AS author
