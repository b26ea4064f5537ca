// Writes campaigns: the node with its span, strength and evidence, linked to its accounts and items.
UNWIND $rows AS row
MERGE (c:Campaign {id: row.id})
SET c.kind = row.kind, c.start = row.start, c.end = row.end, c.strength = row.strength,
    c.evidence = row.evidence, c.victims = row.victims, c.account_count = size(row.accounts)
WITH c, row
CALL (c, row) {
  UNWIND row.accounts AS account_id
  MATCH (a:Account {id: account_id})
  MERGE (a)-[:IN_CAMPAIGN]->(c)
}
CALL (c, row) {
  UNWIND row.items AS key
  MATCH (item:ContentItem {key: key})
  MERGE (item)-[:PART_OF]->(c)
}
