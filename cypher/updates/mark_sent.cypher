// Marks an update sent, when and by whom, with the sender's receipt; one already sent keeps its first record.
MATCH (u:ComplainantUpdate {id: $id})
WITH u, u.status = 'sent' AS already
FOREACH (_ IN CASE WHEN already THEN [] ELSE [1] END |
  SET u.status = 'sent', u.sent_at = $now, u.sent_by = $by, u.sender = $sender, u.receipt = $receipt
)
RETURN u.id AS id, already, u.sent_at AS sent_at, u.sent_by AS sent_by
