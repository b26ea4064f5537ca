// The referrals among $ids the caller may see, each with its cases, its items in order (with what a platform
// needs to find them, and their removal) and whether it is overdue at $now. A force officer sees a referral when
// every case it lists content from is one of theirs.
// Access: only what $scope (a map {all, force}) may see; see docs/api.md.
UNWIND $ids AS id
MATCH (r:Referral {id: id})
WHERE $scope.all OR (EXISTS { (r)<-[:HAS_REFERRAL]-(:Case) } AND NOT EXISTS {
    MATCH (r)<-[:HAS_REFERRAL]-(vc:Case)
    WHERE NOT (coalesce(vc.owning_force = $scope.force, false) OR coalesce(vc.investigating_force = $scope.force, false)
               OR EXISTS { (vc)-[:SHARED_WITH]->(:Force {code: $scope.force}) })
  })
RETURN r.id AS id, r.case AS case, r.campaign AS campaign, r.platform AS platform, r.platform_name AS platform_name,
       r.status AS status, r.basis AS basis, r.basis_kind AS basis_kind, coalesce(r.offences, []) AS offences,
       r.policy_name AS policy_name, r.policy_url AS policy_url, r.contact AS contact,
       r.trusted_flagger AS trusted_flagger, r.response_hours AS response_hours, r.created_at AS created_at,
       r.created_by AS created_by, r.sent_at AS sent_at, r.sent_by AS sent_by, r.acknowledged_at AS acknowledged_at,
       r.closed_at AS closed_at, r.due_by AS due_by, r.refusal_reason AS refusal_reason, r.history AS history,
       coalesce(r.status IN ['sent', 'acknowledged'] AND r.due_by < $now, false) AS overdue,
       COLLECT { MATCH (r)<-[:HAS_REFERRAL]-(c:Case) RETURN c.id ORDER BY c.id } AS cases,
       COLLECT {
         MATCH (r)-[l:LISTS]->(i:ContentItem)
         // reporters may name different authors for one item: the platform gets every account given
         WITH l, i, COLLECT { MATCH (i)-[:POSTED_BY]->(a:Account) RETURN a.id ORDER BY a.id } AS accounts
         RETURN {key: i.key, url: i.canonical_url, kind: i.kind, accounts: accounts, posted_at: i.posted_at, text: i.text,
                 removed_at: i.removed_at, removed_recorded_by: i.removed_recorded_by,
                 removal_referral: i.removal_referral, removal_note: i.removal_note}
         ORDER BY l.position
       } AS items
