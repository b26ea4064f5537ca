// How many complainant updates stand in each status.
MATCH (u:ComplainantUpdate)
RETURN u.status AS status, count(*) AS count
