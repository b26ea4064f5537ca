// The head of the audit trail: the number and hash of the last entry appended.
OPTIONAL MATCH (h:AuditHead {id: 'audit'})
RETURN h.seq AS seq, h.hash AS hash
