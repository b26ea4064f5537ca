// One Report per submission, linked to the strands its reporter perceived.
UNWIND $rows AS row
MERGE (r:Report {id: row.id})
SET r += row.props
WITH r, row
UNWIND row.strands AS strand
MERGE (s:Strand {name: strand})
MERGE (r)-[:PERCEIVED_AS]->(s)
