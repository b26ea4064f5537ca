// Appends entries already chained by hash, and moves the head to the last of them. Never updates an entry.
MATCH (h:AuditHead {id: 'audit'})
UNWIND $rows AS row
CREATE (e:AuditEntry {seq: row.seq})
SET e.at = datetime(row.at_text), e.at_text = row.at_text, e.actor = row.actor, e.role = row.role,
    e.force = row.force, e.credential = row.credential, e.operation = row.operation, e.target = row.target,
    e.node_ids = row.node_ids, e.justification = row.justification, e.outcome = row.outcome,
    e.recipient = row.recipient, e.details = row.details, e.prev_hash = row.prev_hash, e.hash = row.hash
WITH h, max(row.seq) AS seq
SET h.seq = seq, h.hash = $hash
RETURN seq
