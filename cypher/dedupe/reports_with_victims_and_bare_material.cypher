// Rule same_victim_post (batch): reports naming a victim that give material with neither a URL nor its
// poster. Every pair the rule links has such a mention, and its candidates hold all the rule reads.
MATCH (r:Report)-[c:CONCERNS]->(item:ContentItem {has_url: false})
WHERE c.author IS NULL AND item.platform <> 'unknown'
  AND NOT coalesce(item.kind, '') IN ['direct_message', 'group_message', 'message', 'profile']
  AND EXISTS { (r)-[v:HAS_VICTIM]->() WHERE v.victim_key IS NOT NULL }
WITH DISTINCT r
RETURN r.id AS id
