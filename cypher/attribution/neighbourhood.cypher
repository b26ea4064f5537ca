// The accounts whose attribution a change to these accounts can move: themselves and every account
// controlled by the same resolved subjects.
UNWIND $accounts AS id
MATCH (a:Account {id: id})
OPTIONAL MATCH (a)<-[:CONTROLS]-(:Subject)-[:CONTROLS]->(other:Account)
RETURN collect(DISTINCT a.id) + collect(DISTINCT other.id) AS accounts
