// The complainants (reporters), victims and subjects of the reports of case $case, as each report gave them,
// with what the report says of them; contact details only for reporters and victims, and only when $contacts.
// Access: only what $scope (a map {all, force}) may see; see docs/api.md.
MATCH (c:Case {id: $case})<-[:IN_CASE]-(r:Report)-[rel:REPORTED_BY|HAS_VICTIM|HAS_SUBJECT]->(p:Person)
WHERE ($scope.all OR c.owning_force = $scope.force OR c.investigating_force = $scope.force
      OR EXISTS { (c)-[:SHARED_WITH]->(:Force {code: $scope.force}) })
WITH r, rel, p, CASE type(rel) WHEN 'REPORTED_BY' THEN 'complainant' WHEN 'HAS_VICTIM' THEN 'victim'
                 ELSE 'subject' END AS role
RETURN r.id AS report, role, p.id AS id, p.name AS name, p.display_name AS display_name,
       p.organisation AS organisation, p.date_of_birth AS date_of_birth, rel.position AS position,
       rel.role AS reporter_role, rel.anonymous AS anonymous, rel.contact_consent AS contact_consent,
       rel.preferred_contact AS preferred_contact, rel.same_as_reporter AS same_as_reporter,
       rel.vulnerable AS vulnerable, rel.under_18 AS under_18, rel.known_to_victim AS known_to_victim,
       CASE WHEN role <> 'subject' AND $contacts
         THEN head([(p)-[:HAS_IDENTIFIER]->(i:Identifier {kind: 'email'}) | i.value]) END AS email,
       CASE WHEN role <> 'subject' AND $contacts
         THEN head([(p)-[:HAS_IDENTIFIER]->(i:Identifier {kind: 'phone'}) | i.value]) END AS phone,
       CASE WHEN role <> 'subject' AND $contacts THEN head([(p)-[:LIVES_AT]->(pc:Postcode) | pc.code]) END AS postcode
ORDER BY r.received_at, report, role, coalesce(position, 0), id
