// Community projection: accounts whose material targets the same victim (groups of at most $max_group).
MATCH (a:Account)<-[:POSTED_BY]-(:ContentItem)<-[:CONCERNS]-(:Report)-[v:HAS_VICTIM]->()
WHERE v.victim_key IS NOT NULL
WITH v.victim_key AS victim, collect(DISTINCT a.id) AS accounts
WHERE size(accounts) > 1 AND size(accounts) <= $max_group
RETURN victim, accounts
