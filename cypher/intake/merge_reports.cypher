// One Report per submission (created: intake has checked it is new, in this transaction), linked to the strands its reporter perceived. `indicators` lists what the
// reporter said is so; `indicators_denied` what they said is not (unanswered ones are in neither). Times come as
// ISO 8601 text.
UNWIND $rows AS row
CREATE (r:Report {id: row.id})
SET r.source = row.source, r.reference = row.reference, r.received_at = datetime(row.received_at),
    r.description = row.description, r.reporter_role = row.reporter_role, r.anonymous = row.anonymous,
    r.record_json = row.record_json, r.content_hash = row.content_hash, r.strands = row.strands,
    r.content_count = row.content_count, r.victim_count = row.victim_count,
    r.occurred_from = datetime(row.occurred_from), r.occurred_to = datetime(row.occurred_to), r.ongoing = row.ongoing,
    r.indicators = row.indicators, r.indicators_denied = row.indicators_denied
WITH r, row
UNWIND row.strands AS strand
MERGE (s:Strand {name: strand})
CREATE (r)-[:PERCEIVED_AS]->(s)
