// Every campaign with the items that are part of it.
MATCH (item:ContentItem)-[:PART_OF]->(c:Campaign)
RETURN c.id AS campaign, collect(item.key) AS items
