// Tests only: changes a user's role behind the API's back, as a later administrative change would.
MATCH (u:User {id: $id})
SET u.role = $role
