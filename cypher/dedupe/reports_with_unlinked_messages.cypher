// Rule dm_match (batch): reports that concern a message without a URL whose author is known.
MATCH (r:Report)-[:CONCERNS]->(:ContentItem {has_url: false})-[:POSTED_BY]->(:Account)
WITH DISTINCT r
RETURN r.id AS id
