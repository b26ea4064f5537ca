// Undoes the officer's reassignment in force for a case: it stays on record with who undid it, when and why.
MATCH (c:Case {id: $case})-[:HAD_ASSIGNMENT_CHANGE]->(change:AssignmentChange {active: true, kind: 'officer'})
SET change.active = false, change.undone_by = $by, change.undone_at = datetime(), change.undo_reason = $reason
RETURN change.id AS id
