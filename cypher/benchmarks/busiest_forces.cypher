// Benchmarks: the forces owning the most cases.
MATCH (c:Case)
WHERE c.owning_force IS NOT NULL AND c.owning_force <> 'HUB'
RETURN c.owning_force AS force, count(*) AS cases
ORDER BY cases DESC, force
LIMIT $limit
