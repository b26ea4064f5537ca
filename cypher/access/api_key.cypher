// An API key with its user, for authentication.
MATCH (u:User)-[:HAS_KEY]->(k:ApiKey {id: $id})
RETURN k.secret_hash AS secret_hash, k.revoked_at IS NOT NULL AS revoked, u {.*} AS user
