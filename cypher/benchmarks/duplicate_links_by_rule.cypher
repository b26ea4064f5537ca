// Every machine duplicate link with its rule, for comparing the online and batch paths.
MATCH (a:Report)-[d:DUPLICATE_OF]->(b:Report)
RETURN a.id AS later, b.id AS earlier, d.rule AS rule
