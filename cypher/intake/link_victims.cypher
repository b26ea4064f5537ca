// The people each report says were targeted (the reporter's own node when same_as_reporter).
UNWIND $rows AS row
MATCH (r:Report {id: row.report})
MERGE (p:Person {id: row.person})
SET p += row.props
CREATE (r)-[rel:HAS_VICTIM {position: row.position}]->(p)
SET rel += row.rel
