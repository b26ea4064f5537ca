// An officer's override of one assessment output (or a finding about the material), kept beside the machine's
// view; no row when there is no such case.
MATCH (c:Case {id: $case})
CREATE (c)-[:HAS_OVERRIDE]->(o:Override {id: $id, field: $field, value_json: $value_json, reason: $reason,
  officer: $officer, at: datetime(), active: true})
RETURN o.id AS id
