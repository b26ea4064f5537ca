// The officers' overrides in force for each case in $cases, oldest first.
UNWIND $cases AS case_id
MATCH (:Case {id: case_id})-[:HAS_OVERRIDE]->(o:Override {active: true})
WITH case_id, o ORDER BY o.at, o.id
RETURN case_id AS case, collect(o {.id, .field, .value_json, .reason, .officer, .at}) AS overrides
