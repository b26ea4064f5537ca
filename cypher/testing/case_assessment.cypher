// One case's stored assessment outputs and owning force (tests check what the services left behind).
MATCH (c:Case {id: $case})
RETURN c.classification AS classification, c.priority AS priority, c.cps_category AS cps_category,
       c.charge_by AS charge_by, c.assessment_json AS assessment_json, c.assessed_at AS assessed_at,
       c.owning_force AS owning_force
