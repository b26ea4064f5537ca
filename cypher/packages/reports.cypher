// The reports of case $case, each with the content it concerns as that report captured it (URL as pasted,
// text as copied, time given, screenshot hash), in the report's order.
// Access: only what $scope (a map {all, force}) may see; see docs/api.md.
MATCH (c:Case {id: $case})<-[:IN_CASE]-(r:Report)
WHERE ($scope.all OR c.owning_force = $scope.force OR c.investigating_force = $scope.force
      OR EXISTS { (c)-[:SHARED_WITH]->(:Force {code: $scope.force}) })
CALL (r) {
  OPTIONAL MATCH (r)-[rel:CONCERNS]->(i:ContentItem)
  WITH rel, i ORDER BY rel.position
  RETURN collect(CASE WHEN i IS NULL THEN null ELSE {key: i.key, position: rel.position,
    original_url: rel.original_url, kind: rel.kind, text: rel.text, posted_at: rel.posted_at,
    audience_size: rel.audience_size, screenshot_sha256: rel.screenshot_sha256} END) AS captures
}
RETURN r.id AS id, r.source AS source, r.reference AS reference, r.received_at AS received_at,
       r.description AS description, r.reporter_role AS reporter_role, coalesce(r.anonymous, false) AS anonymous,
       coalesce(r.strands, []) AS strands, r.content_hash AS content_hash, r.occurred_from AS occurred_from,
       r.occurred_to AS occurred_to, r.ongoing AS ongoing, captures
ORDER BY r.received_at, r.id
