// Postcode districts and the force area each lies in (flagged where it straddles a boundary); a district
// moved to another force in the table loses its old link.
UNWIND $rows AS row
MATCH (f:Force {code: row.force})
MERGE (d:District {code: row.district})
WITH d, f, row
CALL (d, f) {
  OPTIONAL MATCH (d)-[old:IN_FORCE]->(other:Force)
  WHERE other <> f
  DELETE old
}
MERGE (d)-[rel:IN_FORCE]->(f)
SET rel.straddles = row.straddles
