// Every user with their live API keys.
MATCH (u:User)
OPTIONAL MATCH (u)-[:HAS_KEY]->(k:ApiKey) WHERE k.revoked_at IS NULL
WITH u, collect(k.id) AS keys
RETURN u {.*, keys: keys} AS user
ORDER BY u.id
