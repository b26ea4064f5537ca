// The audit trail in order, a page at a time, for verification and export.
MATCH (e:AuditEntry)
WHERE e.seq > $after
RETURN e {.*} AS entry
ORDER BY e.seq
LIMIT $limit
