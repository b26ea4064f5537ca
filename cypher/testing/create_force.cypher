// Creates a Force node unconditionally (tests use it to prove the key constraint holds).
CREATE (f:Force {code: $code, name: $name})
RETURN f.code AS code
