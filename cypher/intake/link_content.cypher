// One ContentItem per canonical key, on its platform, posted by its author's account; each report
// CONCERNS it with the URL, text, time and poster (account id) as that reporter gave them.
// An account is linked to its platform when it is created (here or in link_suspect_accounts, the only places
// accounts are made): `unlinked` marks a new one, whose few links are searched; existing accounts, some named
// in thousands of reports, are not. The report is new in this transaction and names each poster once,
// on the first of the poster's items (`names_author`, set by intake), so that link is created, not merged.
UNWIND $rows AS row
MATCH (r:Report {id: row.report})
MERGE (pl:Platform {id: row.platform})
ON CREATE SET pl.name = row.platform_name
MERGE (c:ContentItem {key: row.key})
ON CREATE SET c.platform = row.platform, c.item_id = row.item_id, c.kind = row.kind,
              c.canonical_url = row.canonical_url, c.has_url = row.has_url
SET c.text = coalesce(c.text, row.text), c.posted_at = coalesce(c.posted_at, row.posted_at),
    c.text_key = coalesce(c.text_key, row.text_key)
MERGE (c)-[:ON_PLATFORM]->(pl)
CREATE (r)-[rel:CONCERNS {position: row.position}]->(c)
SET rel.original_url = row.original_url, rel.kind = row.given_kind, rel.text = row.text,
    rel.posted_at = row.posted_at, rel.audience_size = row.audience_size,
    rel.screenshot_sha256 = row.screenshot_sha256, rel.author_handle_given = row.author_handle_given,
    rel.author = row.author, rel.author_from = row.author_from
FOREACH (_ IN CASE WHEN row.author IS NULL THEN [] ELSE [1] END |
  MERGE (a:Account {id: row.author})
  ON CREATE SET a.platform = row.platform, a.handle = row.author_handle, a.unlinked = true
  FOREACH (_ IN CASE WHEN a.unlinked THEN [1] ELSE [] END |
    MERGE (a)-[:ON_PLATFORM]->(pl)
    REMOVE a.unlinked
  )
  MERGE (c)-[:POSTED_BY]->(a)
  FOREACH (_ IN CASE WHEN row.names_author THEN [1] ELSE [] END |
    CREATE (r)-[:NAMES_ACCOUNT {as_author: true}]->(a)
  )
)
