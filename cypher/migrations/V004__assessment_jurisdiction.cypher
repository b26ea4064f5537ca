// Assessment and jurisdiction: history nodes keyed by id, and the lookups forces and the services filter on.
CREATE CONSTRAINT assessment_version_id IF NOT EXISTS FOR (n:AssessmentVersion) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT assignment_change_id IF NOT EXISTS FOR (n:AssignmentChange) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT override_id IF NOT EXISTS FOR (n:Override) REQUIRE n.id IS UNIQUE;
CREATE INDEX case_owning_force IF NOT EXISTS FOR (n:Case) ON (n.owning_force);
CREATE INDEX case_classification IF NOT EXISTS FOR (n:Case) ON (n.classification);
CREATE INDEX case_priority IF NOT EXISTS FOR (n:Case) ON (n.priority);
CREATE INDEX override_active IF NOT EXISTS FOR (n:Override) ON (n.active);
CREATE INDEX assignment_change_active IF NOT EXISTS FOR (n:AssignmentChange) ON (n.active);
