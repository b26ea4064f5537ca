// Assignment notices to forces' hate crime leads: keyed by id, looked up by force and by status.
CREATE CONSTRAINT assignment_notice_id IF NOT EXISTS FOR (n:AssignmentNotice) REQUIRE n.id IS UNIQUE;
CREATE INDEX assignment_notice_force IF NOT EXISTS FOR (n:AssignmentNotice) ON (n.force);
CREATE INDEX assignment_notice_status IF NOT EXISTS FOR (n:AssignmentNotice) ON (n.status);
