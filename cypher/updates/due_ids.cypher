// The ids of every update due to be sent, earliest due first.
MATCH (u:ComplainantUpdate {status: 'due'})
RETURN u.id AS id
ORDER BY u.due_by, u.id
