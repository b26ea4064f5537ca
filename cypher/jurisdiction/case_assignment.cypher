// One case's stored assignment: owning and investigating force, rules, explanation, machine view, series lead.
MATCH (c:Case {id: $case})
RETURN c.id AS case, c.owning_force AS owning_force, c.investigating_force AS investigating_force,
       c.jurisdiction_rule AS rule, c.investigating_rule AS investigating_rule,
       c.jurisdiction_explanation AS explanation, c.jurisdiction_uncertain AS uncertain,
       c.unresolved_postcodes AS unresolved_postcodes, c.machine_owning_force AS machine_owning_force,
       c.machine_jurisdiction_rule AS machine_rule, c.series_id AS series, c.series_lead_force AS series_lead_force,
       c.series_linked_forces AS series_linked_forces, c.series_explanation AS series_explanation,
       c.jurisdiction_inputs AS inputs
