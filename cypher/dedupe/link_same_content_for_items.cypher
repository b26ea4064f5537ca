// Rule same_content (batch): every report on an item is a duplicate of the item's earliest report.
UNWIND $keys AS key
MATCH (item:ContentItem {key: key})<-[:CONCERNS]-(r:Report)
WITH item, r ORDER BY r.received_at, r.id
WITH item, collect(r) AS reports
WITH item, head(reports) AS anchor, tail(reports) AS later
UNWIND later AS r
MERGE (r)-[d:DUPLICATE_OF {rule: 'same_content'}]->(anchor)
SET d.score = 1.0,
    d.evidence = CASE WHEN item.key IN coalesce(d.evidence, []) THEN d.evidence
                      ELSE coalesce(d.evidence, []) + item.key END
