// Person resolution, repeat victims: every victim as given in one report (the reporter's own node when
// same_as_reporter; never an anonymous reporter's), with what tells one person from another.
MATCH (r:Report)-[:HAS_VICTIM]->(p:Person)
WHERE NOT EXISTS { (r)-[rel:REPORTED_BY]->(p) WHERE coalesce(rel.anonymous, false) }
OPTIONAL MATCH (p)-[:HAS_IDENTIFIER]->(i:Identifier)
OPTIONAL MATCH (p)-[:LIVES_AT]->(pc:Postcode)
WITH p, collect(DISTINCT r.id) AS reports, collect(DISTINCT i) AS identifiers, collect(DISTINCT pc.code) AS postcodes
RETURN p.id AS id, p.name AS name, p.name_key AS name_key, toString(p.date_of_birth) AS date_of_birth,
       [i IN identifiers WHERE i.kind = 'email' | i.value] AS emails,
       [i IN identifiers WHERE i.kind = 'phone' | i.value] AS phones,
       coalesce(head(postcodes), p.postcode_given) AS postcode, reports
ORDER BY id
