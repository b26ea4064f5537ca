// One case's current owning force (null before its first assignment); no row when there is no such case.
MATCH (c:Case {id: $case})
RETURN c.id AS case, c.owning_force AS owning_force
