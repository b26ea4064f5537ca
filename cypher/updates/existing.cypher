// The complainant updates already written for the reports $reports (all when null): when each event happened,
// where the update stands, and what a refresh would otherwise write again (so unchanged ones are left alone).
MATCH (u:ComplainantUpdate)
WHERE $reports IS NULL OR u.report IN $reports
RETURN u.id AS id, u.event_at AS event_at, u.status AS status, u.case AS case, u.due_by AS due_by,
       u.enhanced AS enhanced, u.enhanced_reason AS enhanced_reason, u.working_days AS working_days,
       u.channel AS channel, u.not_contactable_reason AS not_contactable_reason, u.facts_json AS facts_json
