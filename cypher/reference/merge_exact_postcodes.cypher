// Full postcodes from the ONS postcode directory, each mapped exactly to its force area (column `pfa`);
// a postcode the directory moves to another force loses its old exact link.
UNWIND $rows AS row
MATCH (f:Force {code: row.force})
MERGE (pc:Postcode {code: row.postcode})
ON CREATE SET pc.district = row.district, pc.area = row.area
MERGE (d:District {code: row.district})
MERGE (pc)-[:IN_DISTRICT]->(d)
WITH pc, f
CALL (pc, f) {
  OPTIONAL MATCH (pc)-[old:IN_FORCE]->(other:Force)
  WHERE other <> f
  DELETE old
}
MERGE (pc)-[rel:IN_FORCE]->(f)
SET rel.exact = true
