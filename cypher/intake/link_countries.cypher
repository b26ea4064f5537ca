// The country each person is in, where given (or implied by a UK postcode).
UNWIND $rows AS row
MATCH (p:Person {id: row.person})
MERGE (c:Country {code: row.code})
CREATE (p)-[:LOCATED_IN]->(c)
