// Every change of a case's owning force, by an officer or by the rules, oldest first.
MATCH (:Case {id: $case})-[:HAD_ASSIGNMENT_CHANGE]->(change:AssignmentChange)
RETURN change.id AS id, change.kind AS kind, change.at AS at, change.by AS by, change.from AS from,
       change.to AS to, change.reason AS reason, change.active AS active, change.undone_by AS undone_by,
       change.undone_at AS undone_at, change.undo_reason AS undo_reason, change.replaced_by AS replaced_by
ORDER BY change.at, change.id
