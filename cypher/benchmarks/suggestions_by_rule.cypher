// Every pair offered for review, with its rule, to score the suggestions against the truth.
MATCH (a:Report)-[s:POSSIBLE_DUPLICATE]->(b:Report)
RETURN a.id AS later, b.id AS earlier, s.rule AS rule
