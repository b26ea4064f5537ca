// Where the victims and subjects of each case in $cases are, report by report (earliest report first):
// the exact force of a full postcode (ONS postcode directory), else the force of its postcode district
// (flagged where the district straddles a boundary), and the country; with the officer's reassignment in
// force, if any. The reporter is a victim when HAS_VICTIM points at the reporter's node.
UNWIND $cases AS case_id
MATCH (c:Case {id: case_id})
CALL (c) {
  OPTIONAL MATCH (c)<-[:IN_CASE]-(r:Report)-[v:HAS_VICTIM]->(p:Person)
  CALL (r, v, p) {
    OPTIONAL MATCH (p)-[:LIVES_AT]->(pc:Postcode)
    OPTIONAL MATCH (pc)-[:IN_FORCE {exact: true}]->(exact:Force)
    OPTIONAL MATCH (d:District {code: pc.district})-[df:IN_FORCE]->(df_force:Force)
    OPTIONAL MATCH (p)-[:LOCATED_IN]->(country:Country)
    RETURN {report: r.id, position: v.position, person: p.id, key: v.victim_key,
            postcode: pc.code, postcode_given: p.postcode_given, exact_force: exact.code,
            exact_nation: exact.nation, district: coalesce(d.code, pc.district), district_force: df_force.code,
            district_nation: df_force.nation, straddles: df.straddles, country: country.code} AS place
    LIMIT 1
  }
  WITH place, r.received_at AS received WHERE place.person IS NOT NULL
  ORDER BY received, place.report, place.position
  RETURN collect(place) AS victims
}
CALL (c) {
  OPTIONAL MATCH (c)<-[:IN_CASE]-(r:Report)-[s:HAS_SUBJECT]->(p:Person)
  CALL (r, s, p) {
    OPTIONAL MATCH (p)-[:LIVES_AT]->(pc:Postcode)
    OPTIONAL MATCH (pc)-[:IN_FORCE {exact: true}]->(exact:Force)
    OPTIONAL MATCH (d:District {code: coalesce(pc.district, p.district)})-[df:IN_FORCE]->(df_force:Force)
    OPTIONAL MATCH (p)-[:LOCATED_IN]->(country:Country)
    OPTIONAL MATCH (p)-[:SAID_TO_USE]->(account:Account)
    RETURN {report: r.id, position: s.position, person: p.id, key: account.id,
            postcode: pc.code, postcode_given: p.postcode_given, exact_force: exact.code,
            exact_nation: exact.nation, district: coalesce(d.code, pc.district, p.district),
            district_force: df_force.code, district_nation: df_force.nation, straddles: df.straddles,
            country: country.code, district_only: pc IS NULL AND p.district IS NOT NULL} AS place
    LIMIT 1
  }
  WITH place, r.received_at AS received WHERE place.person IS NOT NULL
  ORDER BY received, place.report, place.position
  RETURN collect(place) AS subjects
}
CALL (c) {
  OPTIONAL MATCH (c)-[:HAD_ASSIGNMENT_CHANGE]->(change:AssignmentChange {active: true, kind: 'officer'})
  WITH change ORDER BY change.at DESC
  RETURN head(collect(change {.id, .to, .by, .reason, .at})) AS officer
}
RETURN c.id AS case, victims, subjects, officer
