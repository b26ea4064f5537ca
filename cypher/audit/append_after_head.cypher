// Appends entries chained after the head the writer last knew, in one statement (one auto-commit round trip):
// takes the head's write lock, and writes nothing unless the head is still $after_seq / $after_hash (another
// process may have appended since); the writer then reads the head again and chains its entries after it.
MERGE (h:AuditHead {id: 'audit'})
ON CREATE SET h.seq = 0, h.hash = $genesis
SET h.locked_at = datetime()
WITH h
WHERE h.seq = $after_seq AND h.hash = $after_hash
UNWIND $rows AS row
CREATE (e:AuditEntry {seq: row.seq})
SET e.at = datetime(row.at_text), e.at_text = row.at_text, e.actor = row.actor, e.role = row.role,
    e.force = row.force, e.credential = row.credential, e.operation = row.operation, e.target = row.target,
    e.node_ids = row.node_ids, e.justification = row.justification, e.outcome = row.outcome,
    e.recipient = row.recipient, e.details = row.details, e.prev_hash = row.prev_hash, e.hash = row.hash
WITH h, max(row.seq) AS seq
SET h.seq = seq, h.hash = $hash
RETURN seq
