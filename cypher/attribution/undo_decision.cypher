// Undoes an attribution decision in force: it stays on record, marked with who undid it, when and why.
MATCH (d:AttributionDecision {id: $id, active: true})
SET d.active = false, d.undone_by = $by, d.undone_at = datetime(), d.undo_reason = $reason
WITH d
MATCH (d)-[:ABOUT]->(a:Account)
RETURN d.kind AS kind, collect(a.id) AS accounts
