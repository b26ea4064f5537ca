// The nodes of a network page ($refs: element ids read earlier in the same transaction) that the caller may see:
// kind, label, role scores (pagerank, offender_score) and the facts of its tooltip; e-mail, phone and postcode only of reporters and victims,
// and only when $contacts.
// Access: only what $scope (a map {all, force}) may see; see docs/api.md.
UNWIND $refs AS ref
MATCH (m) WHERE elementId(m) = ref
  AND ($scope.all OR m:Platform
    OR (m:Case AND (m.owning_force = $scope.force OR m.investigating_force = $scope.force
      OR EXISTS { (m)-[:SHARED_WITH]->(:Force {code: $scope.force}) }))
    OR (m:Report AND EXISTS {
      MATCH (m)-[:IN_CASE]->(vc:Case)
      WHERE vc.owning_force = $scope.force OR vc.investigating_force = $scope.force
      OR EXISTS { (vc)-[:SHARED_WITH]->(:Force {code: $scope.force}) }
    })
    OR (m:ContentItem AND EXISTS {
      MATCH (m)<-[:CONCERNS]-(:Report)-[:IN_CASE]->(vc:Case)
      WHERE vc.owning_force = $scope.force OR vc.investigating_force = $scope.force
      OR EXISTS { (vc)-[:SHARED_WITH]->(:Force {code: $scope.force}) }
    })
    OR (m:Account AND EXISTS {
      MATCH (m)<-[:NAMES_ACCOUNT]-(:Report)-[:IN_CASE]->(vc:Case)
      WHERE vc.owning_force = $scope.force OR vc.investigating_force = $scope.force
      OR EXISTS { (vc)-[:SHARED_WITH]->(:Force {code: $scope.force}) }
    })
    OR (m:Person AND (EXISTS {
      MATCH (m)<-[:REPORTED_BY|HAS_VICTIM|HAS_SUBJECT]-(:Report)-[:IN_CASE]->(vc:Case)
      WHERE vc.owning_force = $scope.force OR vc.investigating_force = $scope.force
      OR EXISTS { (vc)-[:SHARED_WITH]->(:Force {code: $scope.force}) }
    } OR EXISTS {
      MATCH (m:Subject)-[:CONTROLS]->(:Account)<-[:NAMES_ACCOUNT]-(:Report)-[:IN_CASE]->(vc:Case)
      WHERE vc.owning_force = $scope.force OR vc.investigating_force = $scope.force
      OR EXISTS { (vc)-[:SHARED_WITH]->(:Force {code: $scope.force}) }
    }))
    OR (m:Campaign AND (EXISTS {
      MATCH (m)<-[:IN_CAMPAIGN]-(:Account)<-[:NAMES_ACCOUNT]-(:Report)-[:IN_CASE]->(vc:Case)
      WHERE vc.owning_force = $scope.force OR vc.investigating_force = $scope.force
      OR EXISTS { (vc)-[:SHARED_WITH]->(:Force {code: $scope.force}) }
    } OR EXISTS {
      MATCH (m)<-[:PART_OF]-(:ContentItem)<-[:CONCERNS]-(:Report)-[:IN_CASE]->(vc:Case)
      WHERE vc.owning_force = $scope.force OR vc.investigating_force = $scope.force
      OR EXISTS { (vc)-[:SHARED_WITH]->(:Force {code: $scope.force}) }
    })))
WITH ref, m,
     CASE WHEN m:Account THEN 'account' WHEN m:Case THEN 'case' WHEN m:Report THEN 'report'
          WHEN m:ContentItem THEN 'item' WHEN m:Campaign THEN 'campaign' WHEN m:Platform THEN 'platform'
          WHEN m:Person AND (m:RepeatVictim OR EXISTS { (m)<-[:HAS_VICTIM]-(:Report) }) THEN 'victim'
          WHEN m:Person THEN 'person' END AS kind,
     m:Person AND EXISTS { (m)<-[:REPORTED_BY|HAS_VICTIM]-(:Report) } AS contactable
RETURN ref, coalesce(m.id, m.key) AS id, kind,
       CASE kind
         WHEN 'account' THEN '@' + coalesce(m.handle, m.id)
         WHEN 'report' THEN coalesce(m.reference, m.id)
         WHEN 'item' THEN coalesce(m.kind, 'item') + ' ' + m.key
         WHEN 'campaign' THEN coalesce(m.kind, 'campaign') + ' ' + m.id
         WHEN 'platform' THEN coalesce(m.name, m.id)
         WHEN 'case' THEN m.id
         ELSE coalesce(m.name, m.display_name, head(coalesce(m.names, [])), m.id) END AS label,
       CASE WHEN kind IN ['account', 'person', 'victim'] THEN m.pagerank END AS pagerank,
       CASE WHEN kind IN ['account', 'person', 'victim'] THEN m.offender_score END AS offender_score,
       CASE kind
         WHEN 'account' THEN {platform: m.platform, handle: m.handle, display_name: m.display_name,
                              offender_rank: m.offender_rank, offender_score: m.offender_score, pagerank: m.pagerank,
                              community: m.community}
         WHEN 'case' THEN {status: m.status, owning_force: m.owning_force, investigating_force: m.investigating_force,
                           classification: m.classification, priority: m.priority,
                           reports: COUNT { (m)<-[:IN_CASE]-(:Report) }}
         WHEN 'report' THEN {source: m.source, received_at: m.received_at, reporter_role: m.reporter_role,
                             strands: m.strands}
         WHEN 'item' THEN {platform: m.platform, kind: m.kind, posted_at: m.posted_at, text: left(m.text, 140)}
         WHEN 'campaign' THEN {kind: m.kind, start: m.start, end: m.end, strength: m.strength,
                               accounts: m.account_count}
         WHEN 'platform' THEN {platform: m.id}
         ELSE {name: m.name, resolved_role: m.role,
               roles: [role IN [
                 CASE WHEN EXISTS { (m)<-[:REPORTED_BY]-(:Report) } THEN 'reporter' END,
                 CASE WHEN EXISTS { (m)<-[:HAS_VICTIM]-(:Report) } THEN 'victim' END,
                 CASE WHEN EXISTS { (m)<-[:HAS_SUBJECT]-(:Report) } THEN 'subject' END] WHERE role IS NOT NULL],
               email: CASE WHEN contactable AND $contacts THEN head([(m)-[:HAS_IDENTIFIER]->(i:Identifier {kind: 'email'}) | i.value]) END,
               phone: CASE WHEN contactable AND $contacts THEN head([(m)-[:HAS_IDENTIFIER]->(i:Identifier {kind: 'phone'}) | i.value]) END,
               postcode: CASE WHEN contactable AND $contacts THEN head([(m)-[:LIVES_AT]->(pc:Postcode) | pc.code]) END}
       END AS facts
