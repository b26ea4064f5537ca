// Audit entries newest first, filtered by actor, operation, node and time; $before pages backwards by seq.
MATCH (e:AuditEntry)
WHERE ($before IS NULL OR e.seq < $before)
  AND ($actor IS NULL OR e.actor = $actor)
  AND ($operation IS NULL OR e.operation = $operation)
  AND ($node IS NULL OR $node IN e.node_ids)
  AND ($from IS NULL OR e.at >= $from)
  AND ($to IS NULL OR e.at < $to)
RETURN e {.*} AS entry
ORDER BY e.seq DESC
LIMIT $limit
