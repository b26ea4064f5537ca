// Campaign projection: every reported item with what the graph knows of it. Its authors and posting time
// when a reporter gave them, its words and copy-paste text group, the victims its reports name (victim keys),
// the cases its reports are in (items sharing a case were reported together: one incident), and when each
// report about it was received (it was posted before the first).
MATCH (item:ContentItem)
OPTIONAL MATCH (item)-[:HAS_TEXT]->(group:TextGroup)
RETURN item.key AS item, item.platform AS platform, item.posted_at AS posted_at, item.text AS text,
       group.id AS text_group,
       [(item)-[:POSTED_BY]->(account:Account) | account.id] AS authors,
       [(item)<-[:CONCERNS]-(:Report)-[v:HAS_VICTIM]->() WHERE v.victim_key IS NOT NULL | v.victim_key] AS victims,
       [(item)<-[:CONCERNS]-(:Report)-[:IN_CASE]->(c:Case) | c.id] AS cases,
       [(item)<-[:CONCERNS]-(r:Report) WHERE r.received_at IS NOT NULL | r.received_at] AS received
