// Accounts named in the suspect details, and the subject said to use each.
UNWIND $rows AS row
MATCH (r:Report {id: row.report})
MATCH (p:Person {id: row.person})
MERGE (pl:Platform {id: row.platform})
ON CREATE SET pl.name = row.platform_name
MERGE (a:Account {id: row.account})
ON CREATE SET a.platform = row.platform, a.handle = row.handle
SET a.profile_url = coalesce(a.profile_url, row.profile_url)
MERGE (a)-[:ON_PLATFORM]->(pl)
MERGE (r)-[n:NAMES_ACCOUNT]->(a)
SET n.as_suspect = true
CREATE (p)-[:SAID_TO_USE {report: row.report}]->(a)
