// One ComplainantUpdate per report, key event and event key (its id derives from the three), linked from its
// report. The event's time and the facts of its words are fixed when first written; until it is sent its
// due time, status and the reason it cannot be sent follow the latest refresh.
UNWIND $rows AS row
MATCH (r:Report {id: row.report})
MERGE (u:ComplainantUpdate {id: row.id})
ON CREATE SET u.report = row.report, u.event = row.event, u.event_key = row.key, u.event_at = row.event_at,
              u.facts_json = row.facts_json, u.created_at = $now, u.status = row.status
SET u.case = row.case
FOREACH (_ IN CASE WHEN u.status = 'sent' THEN [] ELSE [1] END |
  SET u.status = row.status, u.due_by = row.due_by, u.enhanced = row.enhanced,
      u.enhanced_reason = row.enhanced_reason, u.working_days = row.working_days, u.channel = row.channel,
      u.not_contactable_reason = row.not_contactable_reason, u.facts_json = row.facts_json,
      u.withdrawn_reason = null, u.withdrawn_at = null
)
MERGE (r)-[:HAS_UPDATE]->(u)
RETURN count(u) AS written
