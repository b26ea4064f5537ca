// How many nodes and relationships the database holds (served from the count store).
RETURN COUNT { MATCH (n) } AS nodes, COUNT { MATCH ()-[r]->() } AS relationships
