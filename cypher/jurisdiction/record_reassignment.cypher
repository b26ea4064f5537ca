// An officer's reassignment of a case: kept as an AssignmentChange in force until undone or replaced by a
// later one (the earlier stays on record, marked as replaced).
MATCH (c:Case {id: $case})
CALL (c) {
  OPTIONAL MATCH (c)-[:HAD_ASSIGNMENT_CHANGE]->(earlier:AssignmentChange {active: true, kind: 'officer'})
  SET earlier.active = false, earlier.replaced_by = $id
}
CREATE (c)-[:HAD_ASSIGNMENT_CHANGE]->(change:AssignmentChange {id: $id, kind: 'officer', active: true,
  at: datetime(), by: $by, from: c.owning_force, to: $to, reason: $reason})
RETURN change.id AS id
