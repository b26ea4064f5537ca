// Rule same_posting_time (batch): reports that give material with the time it was posted but neither a URL
// nor its poster. Every pair the rule links has such a mention, and its candidates hold all the rule reads.
MATCH (r:Report)-[c:CONCERNS]->(item:ContentItem {has_url: false})
WHERE c.posted_at IS NOT NULL AND c.author IS NULL AND item.platform <> 'unknown'
  AND NOT coalesce(item.kind, '') IN ['direct_message', 'group_message', 'message', 'profile']
WITH DISTINCT r
RETURN r.id AS id
