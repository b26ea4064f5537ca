// One page of the cases the caller may see, newest first, filtered by $filter, after the row $after.
// Access: only what $scope (a map {all, force}) may see; see docs/api.md.
CALL () {
  CALL () {
    WITH $filter.text AS text WHERE text IS NOT NULL
    CALL db.index.fulltext.queryNodes('report_text', text) YIELD node
    RETURN node AS hit
    UNION
    WITH $filter.text AS text WHERE text IS NOT NULL
    CALL db.index.fulltext.queryNodes('content_text', text) YIELD node
    MATCH (hit:Report)-[:CONCERNS]->(node)
    RETURN hit
  }
  RETURN collect(DISTINCT hit.id) AS text_hits
}
// Candidates come from the force's own indexes when a force is in play (a force officer, or a force filter),
// so a force's queue costs its own cases, not the whole graph's.
CALL () {
  WITH coalesce($filter.force, CASE WHEN $scope.all THEN null ELSE $scope.force END) AS force
  WHERE force IS NULL
  MATCH (c:Case)
  RETURN c
  UNION
  WITH coalesce($filter.force, CASE WHEN $scope.all THEN null ELSE $scope.force END) AS force
  WHERE force IS NOT NULL
  MATCH (c:Case {owning_force: force})
  RETURN c
  UNION
  WITH coalesce($filter.force, CASE WHEN $scope.all THEN null ELSE $scope.force END) AS force
  WHERE force IS NOT NULL
  MATCH (c:Case {investigating_force: force})
  RETURN c
  UNION
  WITH coalesce($filter.force, CASE WHEN $scope.all THEN null ELSE $scope.force END) AS force
  WHERE force IS NOT NULL
  MATCH (c:Case)-[:SHARED_WITH]->(:Force {code: force})
  RETURN c
}
WITH c, text_hits
WHERE ($scope.all OR c.owning_force = $scope.force OR c.investigating_force = $scope.force
      OR EXISTS { (c)-[:SHARED_WITH]->(:Force {code: $scope.force}) })
  AND ($filter.force IS NULL OR c.owning_force = $filter.force OR c.investigating_force = $filter.force)
  AND ($filter.status IS NULL OR c.status = $filter.status)
  AND ($filter.classification IS NULL OR c.classification = $filter.classification)
  AND ($filter.priority IS NULL OR c.priority = $filter.priority)
  AND ($filter.strand IS NULL OR EXISTS { (c)<-[:IN_CASE]-(:Report)-[:PERCEIVED_AS]->(:Strand {name: $filter.strand}) })
  AND ($filter.platform IS NULL OR EXISTS {
    MATCH (c)<-[:IN_CASE]-(r:Report)
    WHERE EXISTS { (r)-[:CONCERNS]->(:ContentItem {platform: $filter.platform}) }
       OR EXISTS { (r)-[:NAMES_ACCOUNT]->(:Account {platform: $filter.platform}) }
  })
  AND (($filter.from IS NULL AND $filter.to IS NULL) OR EXISTS {
    MATCH (c)<-[:IN_CASE]-(r:Report)
    WHERE ($filter.from IS NULL OR r.received_at >= $filter.from) AND ($filter.to IS NULL OR r.received_at <= $filter.to)
  })
  AND ($filter.text IS NULL OR EXISTS { MATCH (c)<-[:IN_CASE]-(r:Report) WHERE r.id IN text_hits })
  AND ($after IS NULL OR c.created_at < $after.sort OR (c.created_at = $after.sort AND c.id > $after.id))
RETURN c.id AS id, toString(c.created_at) AS sort  // text: parsed in graph/read/lists.py (graph/read/temporal.py)
ORDER BY c.created_at DESC, c.id
LIMIT $limit
