// Every complainant update already written: when its event happened and where it stands.
MATCH (u:ComplainantUpdate)
RETURN u.id AS id, u.event_at AS event_at, u.status AS status
