// Rule resubmission, candidates: other reports by a reporter who gave the same e-mail or phone, within
// the window. A contact given in more than $max_block reports (an organisation's casework inbox) says
// nothing about who reported and is passed over, so blocks stay small; the texts are compared in Python.
UNWIND $ids AS id
MATCH (r:Report {id: id})-[:REPORTED_BY]->(:Person)-[:HAS_IDENTIFIER]->(contact:Identifier)
WHERE COUNT { (contact)<-[:HAS_IDENTIFIER]-() } <= $max_block
MATCH (contact)<-[:HAS_IDENTIFIER]-(:Person)<-[:REPORTED_BY]-(other:Report)
WHERE other <> r
  AND abs(duration.inSeconds(other.received_at, r.received_at).seconds) <= $window_seconds
WITH r, other, collect(DISTINCT contact.id) AS contacts
RETURN r.id AS report, other.id AS other,
       r.received_at AS received_at, other.received_at AS other_received_at,
       r.description AS description, other.description AS other_description,
       [(r)-[:CONCERNS]->(i:ContentItem {has_url: true}) | i.key] AS items,
       [(other)-[:CONCERNS]->(i:ContentItem {has_url: true}) | i.key] AS other_items,
       contacts
