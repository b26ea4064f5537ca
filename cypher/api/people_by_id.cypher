// The people among $ids the caller may see; contact details only for reporters and victims, and only when $contacts.
// Access: only what $scope (a map {all, force}) may see; see docs/api.md.
UNWIND $ids AS id
MATCH (p:Person {id: id})
WHERE ($scope.all OR EXISTS {
    MATCH (p)<-[:REPORTED_BY|HAS_VICTIM|HAS_SUBJECT]-(:Report)-[:IN_CASE]->(vc:Case)
    WHERE vc.owning_force = $scope.force OR vc.investigating_force = $scope.force
      OR EXISTS { (vc)-[:SHARED_WITH]->(:Force {code: $scope.force}) }
  }
  OR EXISTS {
    MATCH (p:Subject)-[:CONTROLS]->(:Account)<-[:NAMES_ACCOUNT]-(:Report)-[:IN_CASE]->(vc:Case)
    WHERE vc.owning_force = $scope.force OR vc.investigating_force = $scope.force
      OR EXISTS { (vc)-[:SHARED_WITH]->(:Force {code: $scope.force}) }
  })
WITH p, EXISTS { (p)<-[:REPORTED_BY|HAS_VICTIM]-(:Report) } AS contactable,
     EXISTS { (p)<-[:HAS_SUBJECT]-(:Report) } AS as_subject
RETURN p.id AS id, p.name AS name, p.display_name AS display_name, p.date_of_birth AS date_of_birth,
       p.organisation AS organisation, p.location_text AS location, coalesce(p.resolved, false) AS resolved,
       p.role AS resolved_role, coalesce(p.names, []) AS names, contactable,
       CASE WHEN contactable AND $contacts THEN head([(p)-[:HAS_IDENTIFIER]->(i:Identifier {kind: 'email'}) | i.value]) END AS email,
       CASE WHEN contactable AND $contacts THEN head([(p)-[:HAS_IDENTIFIER]->(i:Identifier {kind: 'phone'}) | i.value]) END AS phone,
       CASE WHEN contactable AND $contacts THEN head([(p)-[:LIVES_AT]->(pc:Postcode) | pc.code]) END AS postcode,
       CASE WHEN as_subject THEN [(p)-[:HAS_IDENTIFIER]->(i:Identifier) | i.id] ELSE [] END AS identifiers
