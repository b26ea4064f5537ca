// One ContentItem per canonical key, on its platform, posted by its author's account; each report
// CONCERNS it with the URL, text and time as that reporter gave them.
UNWIND $rows AS row
MATCH (r:Report {id: row.report})
MERGE (pl:Platform {id: row.platform})
ON CREATE SET pl.name = row.platform_name
MERGE (c:ContentItem {key: row.key})
ON CREATE SET c += row.item
SET c.text = coalesce(c.text, row.text), c.posted_at = coalesce(c.posted_at, row.posted_at),
    c.text_key = coalesce(c.text_key, row.text_key)
MERGE (c)-[:ON_PLATFORM]->(pl)
MERGE (r)-[rel:CONCERNS {position: row.position}]->(c)
SET rel += row.rel
FOREACH (_ IN CASE WHEN row.author IS NULL THEN [] ELSE [1] END |
  MERGE (a:Account {id: row.author})
  ON CREATE SET a.platform = row.platform, a.handle = row.author_handle
  MERGE (a)-[:ON_PLATFORM]->(pl)
  MERGE (c)-[:POSTED_BY]->(a)
  MERGE (r)-[n:NAMES_ACCOUNT]->(a)
  SET n.as_author = true
)
