// Every share of a case with a force, in force or withdrawn, oldest first.
MATCH (:Case {id: $case})-[:HAD_SHARE]->(record:CaseShare)
RETURN record {.*} AS share
ORDER BY record.at, record.id
