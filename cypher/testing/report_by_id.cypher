// One report's stored properties (tests check what a write left behind).
MATCH (r:Report {id: $id})
RETURN properties(r) AS report
