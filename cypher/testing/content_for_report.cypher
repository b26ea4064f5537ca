// The content items a report concerns, each with its author account, the URL and posting time as reported, the
// item's own posting time, and `url_from` ('handle' for a profile keyed by its handle's address).
MATCH (r:Report {id: $id})-[c:CONCERNS]->(item:ContentItem)
OPTIONAL MATCH (item)-[:POSTED_BY]->(a:Account)
RETURN item.key AS key, c.original_url AS original_url, a.id AS account, c.posted_at AS posted_at_given,
       item.posted_at AS posted_at, c.url_from AS url_from
ORDER BY c.position
