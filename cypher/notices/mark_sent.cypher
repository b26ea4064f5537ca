// Marks the notices $ids as sent by $by, now; a notice already sent keeps when and by whom it was first sent.
UNWIND $ids AS notice_id
MATCH (n:AssignmentNotice {id: notice_id})
WITH n, n.status = 'sent' AS already
FOREACH (_ IN CASE WHEN already THEN [] ELSE [1] END |
  SET n.status = 'sent', n.sent_at = datetime(), n.sent_by = $by
)
RETURN n.id AS id, already, n.sent_at AS sent_at, n.sent_by AS sent_by
