// One referral as its lifecycle needs it, with its write lock taken (the status is set to itself) so that two
// events at once are recorded one after the other: status, dates, history and its items with their removal.
MATCH (r:Referral {id: $id})
SET r.status = r.status
RETURN r.id AS id, r.status AS status, r.platform AS platform, r.created_at AS created_at, r.sent_at AS sent_at,
       r.acknowledged_at AS acknowledged_at, r.closed_at AS closed_at, r.due_by AS due_by, r.history AS history,
       r.response_hours AS response_hours,
       COLLECT { MATCH (r)-[l:LISTS]->(i:ContentItem) RETURN {key: i.key, removed: i.removed_at IS NOT NULL}
                 ORDER BY l.position } AS items
