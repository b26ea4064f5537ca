// A refresh limited to some reports finds their complainant updates by report.
CREATE INDEX complainant_update_report IF NOT EXISTS FOR (u:ComplainantUpdate) ON (u.report);
