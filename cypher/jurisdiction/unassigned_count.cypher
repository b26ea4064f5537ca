// How many cases have not been assigned yet.
MATCH (c:Case)
WHERE c.owning_force IS NULL
RETURN count(c) AS cases
