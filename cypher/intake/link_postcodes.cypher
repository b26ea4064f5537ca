// Where people live, by full postcode, each postcode in its district.
UNWIND $rows AS row
MATCH (p:Person {id: row.person})
MERGE (pc:Postcode {code: row.postcode})
ON CREATE SET pc.district = row.district, pc.area = row.area
MERGE (d:District {code: row.district})
MERGE (pc)-[:IN_DISTRICT]->(d)
CREATE (p)-[:LIVES_AT]->(pc)
