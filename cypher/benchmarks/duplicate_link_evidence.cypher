// The evidence of the duplicate links between given pairs of reports, to show why a wrong merge was made.
UNWIND $pairs AS pair
MATCH (a:Report {id: pair[0]})-[d:DUPLICATE_OF]->(b:Report {id: pair[1]})
RETURN a.id AS later, b.id AS earlier, d.rule AS rule, d.score AS score, d.evidence AS evidence
