// Rule same_victim_post looks up the other reports naming a victim: an index on each report's victim key.
CREATE INDEX has_victim_key IF NOT EXISTS FOR ()-[v:HAS_VICTIM]-() ON (v.victim_key);
