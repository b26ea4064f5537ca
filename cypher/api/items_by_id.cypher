// The content items among $ids (their keys) the caller may see.
// Access: only what $scope (a map {all, force}) may see; see docs/api.md.
UNWIND $ids AS id
MATCH (i:ContentItem {key: id})
WHERE ($scope.all OR EXISTS {
    MATCH (i)<-[:CONCERNS]-(:Report)-[:IN_CASE]->(vc:Case)
    WHERE vc.owning_force = $scope.force OR vc.investigating_force = $scope.force
      OR EXISTS { (vc)-[:SHARED_WITH]->(:Force {code: $scope.force}) }
  })
RETURN i.key AS id, i.platform AS platform, i.kind AS kind, i.canonical_url AS canonical_url, i.text AS text,
       i.posted_at AS posted_at, coalesce(i.has_url, false) AS has_url, i.removed_at AS removed_at,
       i.removed_recorded_by AS removed_recorded_by, i.removal_referral AS removal_referral,
       i.removal_note AS removal_note
