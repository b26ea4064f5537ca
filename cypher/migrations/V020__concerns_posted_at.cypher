// Rule same_posting_time looks up, for material given with the minute it was posted, the other material
// reports give with a time near it: a range index on the time each report gave.
CREATE INDEX concerns_posted_at IF NOT EXISTS FOR ()-[c:CONCERNS]-() ON (c.posted_at);
