// Undoes an override in force: it stays on record with who undid it, when and why; returns its case.
MATCH (c:Case)-[:HAS_OVERRIDE]->(o:Override {id: $id, active: true})
SET o.active = false, o.undone_by = $by, o.undone_at = datetime(), o.undo_reason = $reason
RETURN c.id AS case
