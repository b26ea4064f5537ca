// One page of the referrals the caller may see, newest first, after the row $after: optionally only those of
// case $case, to platform $platform, in status $status, or (not) overdue ($overdue: sent or acknowledged and
// past due_by at $now). A force officer sees a referral when every case it lists content from is one of theirs.
// Access: only what $scope (a map {all, force}) may see; see docs/api.md.
MATCH (r:Referral)
WHERE ($platform IS NULL OR r.platform = $platform)
  AND ($status IS NULL OR r.status = $status)
  AND ($case IS NULL OR EXISTS { (r)<-[:HAS_REFERRAL]-(:Case {id: $case}) })
  AND ($overdue IS NULL OR $overdue = coalesce(r.status IN ['sent', 'acknowledged'] AND r.due_by < $now, false))
  AND ($after IS NULL OR r.created_at < $after.sort OR (r.created_at = $after.sort AND r.id > $after.id))
  AND ($scope.all OR (EXISTS { (r)<-[:HAS_REFERRAL]-(:Case) } AND NOT EXISTS {
    MATCH (r)<-[:HAS_REFERRAL]-(vc:Case)
    WHERE NOT (coalesce(vc.owning_force = $scope.force, false) OR coalesce(vc.investigating_force = $scope.force, false)
               OR EXISTS { (vc)-[:SHARED_WITH]->(:Force {code: $scope.force}) })
  }))
RETURN r.id AS id, r.created_at AS sort
ORDER BY r.created_at DESC, r.id
LIMIT $limit
