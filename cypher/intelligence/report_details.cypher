// The reports in $ids as intelligence quotes them: when received, the description, strands, case (classification,
// priority, owner) and the content each concerns (text as copied, platform, author, screenshot hash), plus
// whether the reporter is a victim. Newest first.
UNWIND $ids AS key
MATCH (r:Report {id: key})
OPTIONAL MATCH (r)-[:IN_CASE]->(c:Case)
CALL (r) {
  OPTIONAL MATCH (r)-[rel:CONCERNS]->(i:ContentItem)
  // one row per item even where reporters named different authors for it: the first by id stands for them
  WITH rel, i, head(COLLECT { MATCH (i)-[:POSTED_BY]->(a:Account) RETURN a.id ORDER BY a.id }) AS author
  ORDER BY rel.position
  RETURN collect(CASE WHEN i IS NOT NULL THEN {key: i.key, platform: i.platform, kind: i.kind,
    text: coalesce(rel.text, i.text), posted_at: coalesce(rel.posted_at, i.posted_at), author: author,
    screenshot_sha256: rel.screenshot_sha256} END) AS items
}
RETURN r.id AS id, r.received_at AS received_at, r.description AS description, coalesce(r.strands, []) AS strands,
       r.reporter_role AS reporter_role, c.id AS case, c.classification AS classification, c.priority AS priority,
       c.owning_force AS owning_force, items
ORDER BY received_at DESC, id
