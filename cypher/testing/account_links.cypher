// For intake tests: pairs of nodes joined more than once by ON_PLATFORM, POSTED_BY or NAMES_ACCOUNT, accounts
// without exactly one platform, and the reports' namings of accounts.
CALL () {
  MATCH (x)-[rel:ON_PLATFORM|POSTED_BY|NAMES_ACCOUNT]->(y)
  WITH x, y, type(rel) AS kind, count(*) AS links
  WHERE links > 1
  RETURN count(*) AS repeated
}
CALL () {
  MATCH (a:Account)
  RETURN count(a) AS accounts,
         count(CASE WHEN COUNT { (a)-[:ON_PLATFORM]->(:Platform) } <> 1 THEN 1 END) AS without_one_platform
}
CALL () {
  MATCH (:Report)-[n:NAMES_ACCOUNT]->(:Account)
  RETURN count(n) AS namings, count(CASE WHEN n.as_author THEN 1 END) AS as_author
}
RETURN repeated, accounts, without_one_platform, namings, as_author
