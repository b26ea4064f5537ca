// The person who made each report, as given, with how they may be contacted.
UNWIND $rows AS row
MATCH (r:Report {id: row.report})
CREATE (p:Person {id: row.person})
SET p += row.props
CREATE (r)-[rel:REPORTED_BY]->(p)
SET rel += row.rel
