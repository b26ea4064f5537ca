// Records one step of a referral's lifecycle: its status and dates as the domain rules computed them, the
// history with the step appended, the contact it was sent to; and the removal of the items in $removed
// (ContentItem.removed_at, removed_recorded_by, removal_referral, removal_note).
MATCH (r:Referral {id: $id})
SET r.status = $status, r.sent_at = $sent_at, r.sent_by = coalesce($sent_by, r.sent_by),
    r.acknowledged_at = $acknowledged_at, r.closed_at = $closed_at, r.due_by = $due_by, r.history = $history,
    r.response_hours = $response_hours, r.contact = coalesce($contact, r.contact),
    r.refusal_reason = coalesce($refusal_reason, r.refusal_reason)
WITH r
CALL (r) {
  UNWIND $removed AS key
  MATCH (r)-[:LISTS]->(i:ContentItem {key: key})
  SET i.removed_at = $at, i.removed_recorded_by = $by, i.removal_referral = r.id, i.removal_note = $note
}
RETURN r.id AS id
