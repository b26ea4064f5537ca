// One page of the reports the caller may see, newest first, filtered by $filter, after the row $after.
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
MATCH (r:Report)
WHERE ($scope.all OR EXISTS {
    MATCH (r)-[:IN_CASE]->(vc:Case)
    WHERE vc.owning_force = $scope.force OR vc.investigating_force = $scope.force
      OR EXISTS { (vc)-[:SHARED_WITH]->(:Force {code: $scope.force}) }
  })
  AND ($filter.force IS NULL OR EXISTS {
    MATCH (r)-[:IN_CASE]->(c:Case) WHERE c.owning_force = $filter.force OR c.investigating_force = $filter.force
  })
  AND ($filter.strand IS NULL OR EXISTS { (r)-[:PERCEIVED_AS]->(:Strand {name: $filter.strand}) })
  AND ($filter.platform IS NULL OR EXISTS { (r)-[:CONCERNS]->(:ContentItem {platform: $filter.platform}) }
       OR EXISTS { (r)-[:NAMES_ACCOUNT]->(:Account {platform: $filter.platform}) })
  AND ($filter.from IS NULL OR r.received_at >= $filter.from)
  AND ($filter.to IS NULL OR r.received_at <= $filter.to)
  AND ($filter.text IS NULL OR r.id IN text_hits)
  AND ($after IS NULL OR r.received_at < $after.sort OR (r.received_at = $after.sort AND r.id > $after.id))
RETURN r.id AS id, r.received_at AS sort
ORDER BY r.received_at DESC, r.id
LIMIT $limit
