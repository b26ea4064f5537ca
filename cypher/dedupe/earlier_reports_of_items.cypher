// The reports, other than those in $exclude, that concern the items $keys.
UNWIND $keys AS key
MATCH (:ContentItem {key: key})<-[:CONCERNS]-(r:Report)
WHERE NOT r.id IN $exclude
RETURN DISTINCT r.id AS id
ORDER BY id
