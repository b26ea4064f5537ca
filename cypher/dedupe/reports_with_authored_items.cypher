// Rule same_item_without_url (batch): reports that concern an item whose author is known.
MATCH (r:Report)-[:CONCERNS]->(:ContentItem)-[:POSTED_BY]->(:Account)
WITH DISTINCT r
RETURN r.id AS id
