// The forces a case is linked to by OWNED_BY and INVESTIGATED_BY (tests check the relationships match).
MATCH (c:Case {id: $case})
RETURN [(c)-[:OWNED_BY]->(f:Force) | f.code] AS owned_by, [(c)-[:INVESTIGATED_BY]->(f:Force) | f.code] AS investigated_by
