// Rule resubmission, candidates: reports by an individual reporter (not an organisation, whose casework
// inbox says nothing about who reported) who gave the same e-mail or phone, within the window: one person's
// reports, so blocks stay small. The texts, and the material each names (items with a URL, the platforms and
// the posters it named itself, not those later reports added), are compared in Python.
UNWIND $ids AS id
MATCH (r:Report {id: id})-[rb:REPORTED_BY]->(:Person)-[:HAS_IDENTIFIER]->(contact:Identifier)
WHERE rb.role <> 'organisation'
MATCH (contact)<-[:HAS_IDENTIFIER]-(:Person)<-[rb2:REPORTED_BY]-(other:Report)
WHERE other <> r AND rb2.role <> 'organisation'
  AND abs(duration.inSeconds(other.received_at, r.received_at).seconds) <= $window_seconds
WITH r, other, collect(DISTINCT contact.id) AS contacts
RETURN r.id AS report, other.id AS other,
       [r.received_at.epochSeconds, r.received_at.nanosecond] AS arrival,
       [other.received_at.epochSeconds, other.received_at.nanosecond] AS other_arrival,
       r.description AS description, other.description AS other_description,
       [(r)-[:CONCERNS]->(i:ContentItem {has_url: true}) | i.key] AS items,
       [(other)-[:CONCERNS]->(i:ContentItem {has_url: true}) | i.key] AS other_items,
       size([(r)-[:CONCERNS]->(i:ContentItem) | i]) AS material,
       size([(other)-[:CONCERNS]->(i:ContentItem) | i]) AS other_material,
       [(r)-[:CONCERNS]->(i:ContentItem) WHERE i.platform <> 'unknown' | i.platform] AS platforms,
       [(other)-[:CONCERNS]->(i:ContentItem) WHERE i.platform <> 'unknown' | i.platform] AS other_platforms,
       [(r)-[c:CONCERNS]->(:ContentItem) WHERE c.author IS NOT NULL | c.author] AS authors,
       [(other)-[c:CONCERNS]->(:ContentItem) WHERE c.author IS NOT NULL | c.author] AS other_authors,
       contacts
