// Before a rewrite: removes the CONTROLS links into these accounts, and the RESOLVES links of their subjects.
UNWIND $accounts AS id
MATCH (s:Subject)-[c:CONTROLS]->(:Account {id: id})
DELETE c
WITH DISTINCT s
OPTIONAL MATCH (s)-[r:RESOLVES]->()
DELETE r
