// The people each report names as responsible (subjects), as given.
UNWIND $rows AS row
MATCH (r:Report {id: row.report})
CREATE (p:Person {id: row.person})
SET p += row.props
CREATE (r)-[rel:HAS_SUBJECT {position: row.position}]->(p)
SET rel += row.rel
