// Withdraws a case's share with a force: the SHARED_WITH goes, and its CaseShare record stays, marked with who
// withdrew it, when and why (created from the share itself if the share had none). No row when not shared.
MATCH (c:Case {id: $case})-[s:SHARED_WITH]->(f:Force {code: $force})
MERGE (c)-[:HAD_SHARE]->(record:CaseShare {id: coalesce(s.id, $id)})
ON CREATE SET record.force = f.code, record.by = s.by, record.at = s.at, record.reason = s.reason
SET record.active = false, record.unshared_by = $by, record.unshared_at = datetime(), record.unshare_reason = $reason
WITH s, record
DELETE s
RETURN record.id AS id, record.by AS by, record.at AS at, record.unshared_at AS unshared_at
