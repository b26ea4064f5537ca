// Every copy-paste text group with the items in it.
MATCH (item:ContentItem)-[:HAS_TEXT]->(g:TextGroup)
RETURN g.id AS group, g.method AS method, g.accounts AS accounts, collect(item.key) AS items
ORDER BY group
