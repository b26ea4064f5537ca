// How the intelligence behind the reports in $ids is known, for the suggested grading: distinct reporters,
// content captured with a screenshot hash, and whether any of the accounts in $accounts has a confirmed
// attribution (CONTROLS by method 'confirmed').
CALL () {
  UNWIND $ids AS key
  MATCH (r:Report {id: key})
  OPTIONAL MATCH (r)-[:REPORTED_BY]->(reporter:Person)
  OPTIONAL MATCH (r)-[hashed:CONCERNS]->(:ContentItem) WHERE hashed.screenshot_sha256 IS NOT NULL
  RETURN count(DISTINCT r) AS reports,
         count(DISTINCT coalesce(reporter.name_key, reporter.id)) AS reporters,
         count(DISTINCT hashed.screenshot_sha256) AS hashes
}
CALL () {
  UNWIND $accounts AS account
  OPTIONAL MATCH (:Person)-[ctl:CONTROLS {method: 'confirmed'}]->(:Account {id: account})
  RETURN count(ctl) > 0 AS confirmed
}
RETURN reports, reporters, hashes, confirmed
