// One page of the outbox, newest first, after the row $after.
// Access: hub-wide; only roles that send complainant updates read it (see docs/outputs.md), and a
// force-scoped caller gets nothing ($scope).
MATCH (m:OutboxMessage)
WHERE $scope.all AND ($after IS NULL OR m.created_at < $after.sort OR (m.created_at = $after.sort AND m.id > $after.id))
RETURN m.id AS id, m.created_at AS sort, m.update AS update, m.report AS report, m.case AS case, m.to AS to,
       m.channel AS channel, m.subject AS subject, m.body AS body, m.created_at AS created_at, m.sender AS sender
ORDER BY m.created_at DESC, m.id
LIMIT $limit
