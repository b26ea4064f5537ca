// The facts of each case in $cases, aggregated over all its reports, for the assessment rules: strands and
// indicators any report gave, the material (kinds, platforms, audience, times), the most items one account
// sent against one victim (within the case, or across its linked series), the victims' flags, whether a
// subject is identified, and when the first report was received.
UNWIND $cases AS case_id
MATCH (c:Case {id: case_id})<-[:IN_CASE]-(r:Report)
WITH c, collect(r) AS reports
CALL (reports) {
  UNWIND reports AS r
  RETURN count(r) AS report_count, min(r.received_at) AS first_received_at,
         min(r.occurred_from) AS occurred_from, max(coalesce(r.occurred_to, r.occurred_from)) AS occurred_to
}
CALL (reports) {
  UNWIND reports AS r
  UNWIND coalesce(r.strands, []) AS strand
  RETURN collect(DISTINCT strand) AS strands
}
CALL (reports) {
  UNWIND reports AS r
  UNWIND coalesce(r.indicators, []) AS indicator
  RETURN collect(DISTINCT indicator) AS indicators
}
CALL (reports) {
  UNWIND reports AS r
  MATCH (r)-[rel:CONCERNS]->(item:ContentItem)
  RETURN collect(DISTINCT coalesce(rel.kind, item.kind)) AS content_kinds,
         collect(DISTINCT item.platform) AS platforms, max(rel.audience_size) AS max_audience,
         min(rel.posted_at) AS first_posted_at, max(rel.posted_at) AS last_posted_at
}
CALL (reports) {
  UNWIND reports AS r
  MATCH (r)-[:CONCERNS]->(item:ContentItem)-[:POSTED_BY]->(account:Account)
  MATCH (r)-[v:HAS_VICTIM]->(victim:Person)
  WITH account, coalesce(v.victim_key, victim.id) AS target, count(DISTINCT item) AS items
  RETURN coalesce(max(items), 0) AS occasions_in_case
}
CALL (c) {
  OPTIONAL MATCH (c)-[series:LINKED_SERIES]-(:Case)
  RETURN coalesce(max(series.occasions), 0) AS occasions_in_series
}
CALL (reports) {
  UNWIND reports AS r
  MATCH (r)-[v:HAS_VICTIM]->(victim:Person)
  RETURN count(DISTINCT coalesce(v.victim_key, victim.id)) AS victim_count,
         any(flag IN collect(v.vulnerable) WHERE flag) AS vulnerable_victim,
         any(flag IN collect(v.under_18) WHERE flag) AS under_18_victim
}
CALL (reports) {
  UNWIND reports AS r
  MATCH (r)-[:HAS_SUBJECT]->(subject:Person)
  WHERE subject.name IS NOT NULL OR EXISTS { (subject)-[:HAS_IDENTIFIER|LIVES_AT]->() }
  RETURN count(subject) > 0 AS subject_identified
}
// Times go back as text, parsed by graph/read/temporal.py (the driver's own datetimes are slow to read).
RETURN c.id AS case, c.assessment_json AS previous_json, report_count, toString(first_received_at) AS first_received_at,
       strands, indicators, content_kinds, platforms, max_audience, occasions_in_case, occasions_in_series,
       victim_count, vulnerable_victim, under_18_victim, subject_identified,
       [t IN [occurred_from, first_posted_at] WHERE t IS NOT NULL | toString(t)] AS starts,
       [t IN [occurred_to, last_posted_at] WHERE t IS NOT NULL | toString(t)] AS ends
