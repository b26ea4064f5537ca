// Stores a new API key's id and the hash of its secret (the secret itself is never stored).
MATCH (u:User {id: $user})
CREATE (k:ApiKey {id: $id})
SET k.secret_hash = $secret_hash, k.created_at = datetime(), k.label = $label
CREATE (u)-[:HAS_KEY]->(k)
RETURN k.id AS id
