// Records an analyst's attribution decision (confirm, reject, split) about one or two accounts.
MATCH (a:Account) WHERE a.id IN $accounts
WITH collect(a) AS accounts
WHERE size(accounts) = size($accounts)
CREATE (d:AttributionDecision {id: $id, kind: $kind, by: $by, reason: $reason, at: datetime(), active: true})
FOREACH (a IN accounts | CREATE (d)-[:ABOUT]->(a))
RETURN d.id AS id
