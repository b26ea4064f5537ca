// Each report's CONCERNS link keeps the poster that report itself gave for the item (or its URL named):
// duplicate rules read what each report said, not what later reports added to a shared item. Reports
// loaded before this recorded it only as NAMES_ACCOUNT {as_author}; carry that over.
MATCH (r:Report)-[c:CONCERNS]->(:ContentItem)-[:POSTED_BY]->(a:Account)
WHERE c.author IS NULL AND EXISTS { (r)-[:NAMES_ACCOUNT {as_author: true}]->(a) }
CALL (c, a) { SET c.author = a.id } IN TRANSACTIONS OF 10000 ROWS;
