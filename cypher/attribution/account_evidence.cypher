// Attribution projection: each account ($ids null: every account) with what reports say about who uses it:
// the subjects said to use it (their names, display names, e-mails and phones; which report named whom), the reports naming
// it (with how many accounts each names) and the copy-paste text groups of what it posted.
MATCH (a:Account)
WHERE $ids IS NULL OR a.id IN $ids
CALL (a) {
  OPTIONAL MATCH (s:Person)-[said:SAID_TO_USE]->(a)
  OPTIONAL MATCH (s)-[:HAS_IDENTIFIER]->(i:Identifier)
  RETURN collect(DISTINCT s.id) AS subjects, collect(DISTINCT s.name_key) AS names,
         collect(DISTINCT s.display_name) AS display_names,
         collect(DISTINCT i.id) AS identifiers,
         collect(DISTINCT CASE WHEN s.name IS NOT NULL THEN {report: said.report, name: s.name} END) AS named
}
CALL (a) {
  OPTIONAL MATCH (r:Report)-[:NAMES_ACCOUNT]->(a)
  RETURN collect(DISTINCT {id: r.id, accounts: COUNT { (r)-[:NAMES_ACCOUNT]->(:Account) }}) AS reports
}
CALL (a) {
  OPTIONAL MATCH (a)<-[:POSTED_BY]-(:ContentItem)-[:HAS_TEXT]->(g:TextGroup)
  RETURN collect(DISTINCT g.id) AS text_groups
}
RETURN a.id AS id, a.platform AS platform, a.handle AS handle, subjects, names, display_names, named,
       identifiers, [r IN reports WHERE r.id IS NOT NULL] AS reports, text_groups
ORDER BY id
