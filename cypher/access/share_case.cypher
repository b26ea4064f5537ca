// Shares a case with a force: one SHARED_WITH per case and force (MERGE), carrying who, when and why. A share
// already in force is left as it was (`new` false). A new share is also kept as a CaseShare record, which
// outlives the share when it is withdrawn. No row when the case or the force does not exist.
MATCH (c:Case {id: $case})
MATCH (f:Force {code: $force})
MERGE (c)-[s:SHARED_WITH]->(f)
ON CREATE SET s.id = $id, s.by = $by, s.at = datetime(), s.reason = $reason
WITH c, f, s, s.id = $id AS new
FOREACH (_ IN CASE WHEN new THEN [1] ELSE [] END |
  CREATE (c)-[:HAD_SHARE]->(:CaseShare {id: s.id, force: f.code, by: s.by, at: s.at, reason: s.reason, active: true})
)
RETURN s.id AS id, new, s.by AS by, s.at AS at, s.reason AS reason
