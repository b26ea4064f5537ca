// Every report's source and reference: its key in the generator's ground truth.
MATCH (r:Report)
RETURN r.id AS report, r.source AS source, r.reference AS reference
