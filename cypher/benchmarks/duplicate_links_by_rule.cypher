// Every machine duplicate link with its rule and score, for comparing the online and batch paths and
// scoring each rule against the truth.
MATCH (a:Report)-[d:DUPLICATE_OF]->(b:Report)
RETURN a.id AS later, b.id AS earlier, d.rule AS rule, d.score AS score
