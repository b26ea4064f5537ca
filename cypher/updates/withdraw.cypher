// Updates not yet sent whose event no longer holds (a report split out of its case, a case reassessed as a
// crime) are withdrawn, with the reason; a later refresh that finds the event again makes them due again.
UNWIND $ids AS update_id
MATCH (u:ComplainantUpdate {id: update_id})
WHERE u.status <> 'sent'
SET u.status = 'withdrawn', u.withdrawn_reason = $reason, u.withdrawn_at = $now
RETURN count(u) AS withdrawn
