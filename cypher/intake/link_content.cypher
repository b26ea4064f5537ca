// One ContentItem per canonical key, on its platform, posted by its author's account; each report
// CONCERNS it with the URL, text, time (ISO 8601 text) and poster (account id) as that reporter gave them, and
// where its platform came from when the item gave none (`platform_from`), and `url_from: 'handle'` for a profile
// given by its handle alone, keyed by the address that handle has.
UNWIND $rows AS row
MATCH (r:Report {id: row.report})
MERGE (pl:Platform {id: row.platform})
ON CREATE SET pl.name = row.platform_name
MERGE (c:ContentItem {key: row.key})
ON CREATE SET c.platform = row.platform, c.item_id = row.item_id, c.kind = row.kind,
              c.canonical_url = row.canonical_url, c.has_url = row.has_url
SET c.text = coalesce(c.text, row.text), c.posted_at = coalesce(c.posted_at, datetime(row.posted_at)),
    c.text_key = coalesce(c.text_key, row.text_key)
MERGE (c)-[:ON_PLATFORM]->(pl)
CREATE (r)-[rel:CONCERNS {position: row.position}]->(c)
SET rel.original_url = row.original_url, rel.kind = row.given_kind, rel.text = row.text,
    rel.posted_at = datetime(row.posted_at), rel.audience_size = row.audience_size,
    rel.screenshot_sha256 = row.screenshot_sha256, rel.author_handle_given = row.author_handle_given,
    rel.author = row.author, rel.author_from = row.author_from, rel.platform_from = row.platform_from,
    rel.url_from = row.url_from
FOREACH (_ IN CASE WHEN row.author IS NULL THEN [] ELSE [1] END |
  MERGE (a:Account {id: row.author})
  ON CREATE SET a.platform = row.platform, a.handle = row.author_handle
  MERGE (a)-[:ON_PLATFORM]->(pl)
  MERGE (c)-[:POSTED_BY]->(a)
  MERGE (r)-[n:NAMES_ACCOUNT]->(a)
  SET n.as_author = true
)
