// Community projection: accounts that posted the same copy-pasted text.
MATCH (a:Account)<-[:POSTED_BY]-(:ContentItem)-[:HAS_TEXT]->(g:TextGroup)
WITH g, collect(DISTINCT a.id) AS accounts
WHERE size(accounts) > 1 AND size(accounts) <= $max_group
RETURN g.id AS group, accounts
