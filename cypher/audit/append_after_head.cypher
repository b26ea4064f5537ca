// Appends entries already chained by hash after the head $after_seq / $after_hash, and moves the head to the
// last of them; never updates an entry. Takes the head's write lock and writes nothing unless the head is still
// where the caller chained from: the audit writer runs it alone (one auto-commit round trip) after the head it
// last wrote, and chains again if another process appended since; `append_in` runs it after `lock_head`.
// Returns whether it appended and the head as it is now, so a writer that lost the race to another process
// chains again from there without reading the head separately.
MERGE (h:AuditHead {id: 'audit'})
ON CREATE SET h.seq = 0, h.hash = $genesis
SET h.locked_at = datetime()
WITH h, h.seq = $after_seq AND h.hash = $after_hash AS chained
CALL (h, chained) {
  WITH h WHERE chained
  UNWIND $rows AS row
  CREATE (e:AuditEntry {seq: row.seq})
  SET e.at = datetime(row.at_text), e.at_text = row.at_text, e.actor = row.actor, e.role = row.role,
      e.force = row.force, e.credential = row.credential, e.operation = row.operation, e.target = row.target,
      e.node_ids = row.node_ids, e.justification = row.justification, e.outcome = row.outcome,
      e.recipient = row.recipient, e.details = row.details, e.prev_hash = row.prev_hash, e.hash = row.hash
  WITH h, max(row.seq) AS seq
  SET h.seq = seq, h.hash = $hash
}
RETURN chained AS appended, h.seq AS seq, h.hash AS hash
