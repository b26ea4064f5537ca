// Test helper: each report's CONCERNS link with the poster it records.
MATCH (r:Report)-[c:CONCERNS]->(i:ContentItem)
RETURN r.reference AS reference, i.key AS item, c.author AS author
ORDER BY reference, item
