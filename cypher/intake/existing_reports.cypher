// The reports among $ids already in the graph, with the hash of the record that created each.
UNWIND $ids AS id
MATCH (r:Report {id: id})
RETURN r.id AS id, r.content_hash AS content_hash
