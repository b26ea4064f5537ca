// The reports in the cases $cases: a refresh limited to them.
UNWIND $cases AS case_id
MATCH (:Case {id: case_id})<-[:IN_CASE]-(r:Report)
RETURN DISTINCT r.id AS id
