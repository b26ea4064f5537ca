// Every case id, in order (the batch commands work through them).
MATCH (c:Case)
RETURN c.id AS id
ORDER BY c.id
