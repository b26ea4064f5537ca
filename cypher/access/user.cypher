// One user by id.
MATCH (u:User {id: $id})
RETURN u {.*} AS user
