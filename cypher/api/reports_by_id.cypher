// The reports among $ids the caller may see, with their case and the platforms they touch.
// Times travel as text (parsed in graph/read/nodes.py: far cheaper than the driver's temporals).
// Access: only what $scope (a map {all, force}) may see; see docs/api.md.
UNWIND $ids AS id
MATCH (r:Report {id: id})
WHERE ($scope.all OR EXISTS {
    MATCH (r)-[:IN_CASE]->(vc:Case)
    WHERE vc.owning_force = $scope.force OR vc.investigating_force = $scope.force
      OR EXISTS { (vc)-[:SHARED_WITH]->(:Force {code: $scope.force}) }
  })
OPTIONAL MATCH (r)-[:IN_CASE]->(c:Case)
RETURN r.id AS id, r.source AS source, r.reference AS reference, toString(r.received_at) AS received_at,
       r.description AS description, r.reporter_role AS reporter_role, r.anonymous AS anonymous,
       coalesce(r.strands, []) AS strands, toString(r.occurred_from) AS occurred_from,
       toString(r.occurred_to) AS occurred_to,
       r.ongoing AS ongoing, c.id AS case_id,
       [(r)-[:CONCERNS]->(i:ContentItem) | i.platform] + [(r)-[:NAMES_ACCOUNT]->(a:Account) | a.platform] AS platforms
