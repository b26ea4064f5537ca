// Whether a case and a force exist: says which of the two a refused share named wrongly.
OPTIONAL MATCH (c:Case {id: $case})
OPTIONAL MATCH (f:Force {code: $force})
RETURN c IS NOT NULL AS case_found, f IS NOT NULL AS force_found
