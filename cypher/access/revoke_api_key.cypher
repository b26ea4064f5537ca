// Revokes an API key; it is kept, marked, so the audit trail's references stay meaningful.
MATCH (u:User)-[:HAS_KEY]->(k:ApiKey {id: $id})
SET k.revoked_at = coalesce(k.revoked_at, datetime()), k.revoked_by = coalesce(k.revoked_by, $by)
RETURN k.id AS id, u.id AS user
