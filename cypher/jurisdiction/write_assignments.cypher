// Stores each case's owning force (OWNED_BY, none when the hub retains it), its investigating force
// (INVESTIGATED_BY, only where different), the rules that decided, their inputs (JSON) and explanation, and
// the machine's view beside an officer's reassignment; a change of owner made by the rules is kept as an
// AssignmentChange (an officer's own change is recorded when it is made). Rerunning the same decision
// changes nothing.
UNWIND $rows AS row
MATCH (c:Case {id: row.case})
WITH c, row, c.owning_force AS previous
CALL (c, row) {
  OPTIONAL MATCH (c)-[old:OWNED_BY]->(f:Force)
  WHERE f.code <> row.owner
  DELETE old
}
CALL (c, row) {
  OPTIONAL MATCH (c)-[old:INVESTIGATED_BY]->(f:Force)
  WHERE row.investigating IS NULL OR row.investigating = row.owner OR f.code <> row.investigating
  DELETE old
}
SET c.owning_force = row.owner, c.investigating_force = row.investigating, c.jurisdiction_rule = row.rule,
    c.investigating_rule = row.investigating_rule, c.tie_break_rule = row.tie_break_rule,
    c.jurisdiction_explanation = row.explanation, c.jurisdiction_inputs = row.inputs,
    c.jurisdiction_uncertain = row.uncertain, c.unresolved_postcodes = row.unresolved,
    c.machine_owning_force = row.machine_owner, c.machine_jurisdiction_rule = row.machine_rule,
    c.machine_jurisdiction_explanation = row.machine_explanation, c.assigned_at = datetime()
WITH c, row, previous
OPTIONAL MATCH (owner:Force {code: row.owner})
FOREACH (_ IN CASE WHEN owner IS NULL THEN [] ELSE [1] END |
  MERGE (c)-[o:OWNED_BY]->(owner)
  ON CREATE SET o.at = datetime()
  SET o.rule = row.rule, o.explanation = row.explanation, o.uncertain = row.uncertain
)
WITH c, row, previous
OPTIONAL MATCH (investigating:Force {code: row.investigating})
WHERE row.investigating <> row.owner
FOREACH (_ IN CASE WHEN investigating IS NULL THEN [] ELSE [1] END |
  MERGE (c)-[i:INVESTIGATED_BY]->(investigating)
  ON CREATE SET i.at = datetime()
  SET i.rule = row.investigating_rule
)
WITH c, row, previous
WHERE previous IS NOT NULL AND previous <> row.owner AND NOT row.by_officer
CREATE (c)-[:HAD_ASSIGNMENT_CHANGE]->(:AssignmentChange {id: randomUUID(), kind: 'rules', active: false,
  at: datetime(), by: 'rules', from: previous, to: row.owner, reason: row.explanation})
