// Assignment notices, oldest first, optionally only those for one force ($force, a code or HUB) or in one
// status ($status): each with the lead it is addressed to and its case as it stands (for the notice's words).
MATCH (n:AssignmentNotice)
WHERE ($force IS NULL OR n.force = $force) AND ($status IS NULL OR n.status = $status)
OPTIONAL MATCH (c:Case {id: n.case})
CALL (c) {
  OPTIONAL MATCH (c)<-[:IN_CASE]-(r:Report)
  RETURN count(r) AS reports
}
OPTIONAL MATCH (owner:Force {code: n.force})
OPTIONAL MATCH (previous:Force {code: n.previous})
OPTIONAL MATCH (investigating:Force {code: c.investigating_force})
RETURN n.id AS id, n.case AS case, n.force AS force, owner.name AS force_name, n.previous AS previous,
       previous.name AS previous_name, n.kind AS kind, n.by AS by, n.reason AS reason,
       n.explanation AS explanation, {name: n.to_name, email: n.to_email, phone: n.to_phone} AS to, n.at AS at,
       n.status AS status, n.sent_at AS sent_at, n.sent_by AS sent_by, reports,
       c.investigating_force AS investigating, investigating.name AS investigating_name,
       c.classification AS classification, c.priority AS priority, c.charge_by AS charge_by
ORDER BY n.at, n.case, n.id
