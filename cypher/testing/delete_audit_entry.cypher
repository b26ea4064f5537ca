// Tests only: removes a stored audit entry, as an intruder with database access might.
MATCH (e:AuditEntry {seq: $seq})
DELETE e
