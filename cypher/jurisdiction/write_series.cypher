// Stores the lead force of each case's linked series (SERIES_LED_BY, none when the hub leads), the forces
// linked to it and why; a case no longer in a series ($rows with a null series) loses them.
UNWIND $rows AS row
MATCH (c:Case {id: row.case})
CALL (c, row) {
  OPTIONAL MATCH (c)-[old:SERIES_LED_BY]->(f:Force)
  WHERE row.lead IS NULL OR f.code <> row.lead
  DELETE old
}
SET c.series_id = row.series, c.series_lead_force = row.lead, c.series_linked_forces = row.linked,
    c.series_rule = row.rule, c.series_explanation = row.explanation
WITH c, row
OPTIONAL MATCH (lead:Force {code: row.lead})
FOREACH (_ IN CASE WHEN lead IS NULL THEN [] ELSE [1] END |
  MERGE (c)-[s:SERIES_LED_BY]->(lead)
  ON CREATE SET s.at = datetime()
  SET s.series = row.series, s.rule = row.rule, s.explanation = row.explanation, s.uncertain = row.uncertain,
      s.linked_forces = row.linked
)
