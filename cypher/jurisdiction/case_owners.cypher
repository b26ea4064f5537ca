// The owning force of each case in $cases as it stands (null before its first assignment), read before the
// rules write, so that a change of owner can be noticed.
UNWIND $cases AS case_id
MATCH (c:Case {id: case_id})
RETURN c.id AS case, c.owning_force AS owning_force
