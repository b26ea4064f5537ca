// Creates a user; an existing id is refused by the constraint, never overwritten.
CREATE (u:User {id: $id})
SET u.role = $role, u.force = $force, u.name = $name, u.active = true, u.created_at = datetime(),
    u.created_by = $by
RETURN u {.*} AS user
