// Online, before a batch is written: the items already in the graph that it names an author for that they
// do not yet have. Their earlier reports may now match that author's material (rule same_item_without_url),
// as the batch path would find; the online path looks at them again.
UNWIND $rows AS row
MATCH (c:ContentItem {key: row.key})
WHERE NOT EXISTS { (c)-[:POSTED_BY]->(:Account {id: row.author}) }
RETURN DISTINCT c.key AS key
