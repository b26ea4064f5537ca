// The campaigns the accounts in $ids took part in, latest first, with how many victims each reached (a count).
UNWIND $ids AS key
MATCH (:Account {id: key})-[:IN_CAMPAIGN]->(k:Campaign)
WITH DISTINCT k
RETURN k.id AS id, k.kind AS kind, k.start AS start, k.end AS end, k.strength AS strength,
       k.account_count AS account_count, size(coalesce(k.victims, [])) AS victim_count
ORDER BY start DESC, id
