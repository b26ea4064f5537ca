// A force's queue, newest first, read in order from the index: each of its sources (owned, investigated)
// yields its newest cases and stops after a page (cypher/api/force_case_page.cypher).
CREATE INDEX case_owning_force_created_at IF NOT EXISTS FOR (n:Case) ON (n.owning_force, n.created_at);
CREATE INDEX case_investigating_force_created_at IF NOT EXISTS FOR (n:Case) ON (n.investigating_force, n.created_at);
