// Enables or disables a user; a disabled user's tokens and keys stop working at once.
MATCH (u:User {id: $id})
SET u.active = $active, u.changed_at = datetime(), u.changed_by = $by
RETURN u {.*} AS user
