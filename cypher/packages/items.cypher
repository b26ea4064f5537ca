// The content items the reports of case $case concern: canonical key and URL, author, whether and how their
// removal was recorded, and the referrals to platforms that listed them.
// Access: only what $scope (a map {all, force}) may see; see docs/api.md.
MATCH (c:Case {id: $case})<-[:IN_CASE]-(:Report)-[:CONCERNS]->(i:ContentItem)
WHERE ($scope.all OR c.owning_force = $scope.force OR c.investigating_force = $scope.force
      OR EXISTS { (c)-[:SHARED_WITH]->(:Force {code: $scope.force}) })
WITH DISTINCT c, i
RETURN i.key AS key, i.platform AS platform, i.kind AS kind, i.canonical_url AS canonical_url,
       coalesce(i.has_url, false) AS has_url, i.posted_at AS posted_at,
       head(COLLECT { MATCH (i)-[:POSTED_BY]->(a:Account) RETURN a.id ORDER BY a.id }) AS author,
       i.removed_at AS removed_at, i.removed_recorded_by AS removed_recorded_by,
       i.removal_referral AS removal_referral, i.removal_note AS removal_note,
       [(c)-[:HAS_REFERRAL]->(ref:Referral)-[:LISTS]->(i) |
         ref {.id, .platform, .status, .created_at, .created_by, .sent_at, .acknowledged_at, .closed_at}] AS referrals
ORDER BY key
