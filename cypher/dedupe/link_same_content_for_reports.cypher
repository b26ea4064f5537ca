// Rule same_content (online): each new report is a duplicate of the earliest other report that
// concerns the same content item. Evidence: the canonical keys of the shared items.
UNWIND $ids AS id
MATCH (r:Report {id: id})-[:CONCERNS]->(item:ContentItem {has_url: true})
MATCH (item)<-[:CONCERNS]-(other:Report)
WHERE other <> r
WITH r, item, other ORDER BY other.received_at, other.id
WITH r, item, head(collect(other)) AS anchor
MERGE (r)-[d:DUPLICATE_OF {rule: 'same_content'}]->(anchor)
SET d.score = 1.0,
    d.evidence = CASE WHEN item.key IN coalesce(d.evidence, []) THEN d.evidence
                      ELSE coalesce(d.evidence, []) + item.key END
