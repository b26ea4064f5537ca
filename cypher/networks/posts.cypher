// Campaign projection: every dated item with its author, its words, its copy-paste text group, the victim
// its reports name (victim key), and the report that bundled it with the most other items (reported
// together, they are one target: a thread or a group piled on).
MATCH (item:ContentItem)-[:POSTED_BY]->(account:Account)
WHERE item.posted_at IS NOT NULL
OPTIONAL MATCH (item)-[:HAS_TEXT]->(group:TextGroup)
WITH item, account, group,
     [(item)<-[:CONCERNS]-(r:Report) WHERE r.content_count > 1 | [r.content_count, r.id]] AS bundles
RETURN item.key AS item, account.id AS account, item.posted_at AS posted_at, group.id AS text_group,
       item.text AS text,
       head([(item)<-[:CONCERNS]-(:Report)-[v:HAS_VICTIM]->() WHERE v.victim_key IS NOT NULL | v.victim_key]) AS victim,
       CASE WHEN size(bundles) = 0 THEN null
            ELSE 'report:' + reduce(best = bundles[0], b IN bundles | CASE WHEN b[0] > best[0] THEN b ELSE best END)[1]
       END AS bundle
