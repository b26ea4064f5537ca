// One hop of a network page's walk: the nodes next to $refs (element ids read earlier in the same transaction),
// along the relationships the page draws, not yet in $seen, that the caller may see; at most $limit of them.
// Platforms are drawn but never walked through (every account on a platform would follow).
// Access: only what $scope (a map {all, force}) may see; see docs/api.md.
UNWIND $refs AS ref
MATCH (n) WHERE elementId(n) = ref AND NOT n:Platform
MATCH (n)-[:REPORTED_BY|HAS_VICTIM|HAS_SUBJECT|CONCERNS|NAMES_ACCOUNT|IN_CASE|POSTED_BY|ON_PLATFORM|IN_CAMPAIGN|PART_OF|CONTROLS|SAID_TO_USE|RESOLVES|LINKED_SERIES|DUPLICATE_OF]-(m)
WHERE NOT elementId(m) IN $seen
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
RETURN DISTINCT elementId(m) AS ref
LIMIT $limit
