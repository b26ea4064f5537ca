// Rule resubmission (batch): the reports whose reporter gave an e-mail or phone, page by page.
MATCH (r:Report)-[:REPORTED_BY]->(:Person)-[:HAS_IDENTIFIER]->(:Identifier)
WITH DISTINCT r
RETURN r.id AS id
