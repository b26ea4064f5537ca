// Tests only: alters a stored audit entry, as an intruder with database access might.
MATCH (e:AuditEntry {seq: $seq})
SET e.justification = coalesce($justification, e.justification),
    e.at = CASE WHEN $shift_seconds IS NULL THEN e.at ELSE e.at + duration({seconds: $shift_seconds}) END
