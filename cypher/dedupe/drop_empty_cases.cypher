// Cases among $cases left with no report after a merge or a split are removed.
UNWIND $cases AS id
MATCH (c:Case {id: id})
WHERE NOT EXISTS { (c)<-[:IN_CASE]-(:Report) }
DETACH DELETE c
