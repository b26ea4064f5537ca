// Course of conduct: different items posted by one account against one victim, in different cases, are a
// linked series (harassment needs two or more occasions). The cases stay separate, chained to the
// series' first case, each link naming the account, the victim key and the number of occasions.
UNWIND $ids AS id
MATCH (r:Report {id: id})-[:CONCERNS]->(:ContentItem)-[:POSTED_BY]->(account:Account)
MATCH (r)-[v:HAS_VICTIM]->()
WHERE v.victim_key IS NOT NULL
WITH DISTINCT account, v.victim_key AS victim
MATCH (account)<-[:POSTED_BY]-(item:ContentItem)<-[:CONCERNS]-(other:Report)-[v2:HAS_VICTIM]->()
WHERE v2.victim_key = victim
MATCH (other)-[:IN_CASE]->(c:Case)
WITH account, victim, c, count(DISTINCT item) AS items
ORDER BY c.id
WITH account, victim, collect(c) AS cases, sum(items) AS occasions
WHERE size(cases) > 1
UNWIND tail(cases) AS later
WITH account, victim, occasions, head(cases) AS first, later
MERGE (later)-[l:LINKED_SERIES {rule: 'course_of_conduct', account: account.id, victim: victim}]->(first)
SET l.occasions = occasions
