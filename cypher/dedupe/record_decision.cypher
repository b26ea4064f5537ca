// Records an analyst's review decision (confirm, reject, split) about one or two reports.
MATCH (r:Report) WHERE r.id IN $reports
WITH collect(r) AS reports
WHERE size(reports) = size($reports)
CREATE (d:DedupeDecision {id: $id, kind: $kind, by: $by, reason: $reason, at: datetime(), active: true})
FOREACH (r IN reports | CREATE (d)-[:ABOUT]->(r))
RETURN d.id AS id
