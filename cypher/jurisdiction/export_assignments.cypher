// Every assigned case with its owning and investigating force, the rule that decided, and its reports.
MATCH (c:Case)<-[:IN_CASE]-(r:Report)
WHERE c.owning_force IS NOT NULL
WITH c, r ORDER BY r.received_at, r.id
RETURN c.id AS case, c.owning_force AS owning_force, c.investigating_force AS investigating_force,
       c.jurisdiction_rule AS rule, collect({source: r.source, reference: r.reference}) AS reports
ORDER BY c.id
