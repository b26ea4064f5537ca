// Which item each report's n-th content entry became: to line generated truth up with the graph.
MATCH (r:Report)-[c:CONCERNS]->(item:ContentItem)
RETURN r.source AS source, r.reference AS reference, c.position AS position, item.key AS item
