// Case lists: a force's queue starts from its owned, investigated and shared cases; newest first.
CREATE INDEX case_investigating_force IF NOT EXISTS FOR (n:Case) ON (n.investigating_force);
CREATE INDEX case_created_at IF NOT EXISTS FOR (n:Case) ON (n.created_at);
