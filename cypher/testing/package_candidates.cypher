// Cases owned by a force, with their number of reports and of content captured, most captures first (the
// evidence package tests pick a case from here).
MATCH (c:Case)
WHERE c.owning_force IS NOT NULL AND c.owning_force <> 'HUB'
WITH c, COUNT { (c)<-[:IN_CASE]-(:Report)-[:CONCERNS]->(:ContentItem) } AS captures,
     COUNT { (c)<-[:IN_CASE]-(:Report) } AS reports
RETURN c.id AS case, c.owning_force AS force, c.investigating_force AS investigating, reports, captures
ORDER BY captures DESC, reports DESC, c.id
