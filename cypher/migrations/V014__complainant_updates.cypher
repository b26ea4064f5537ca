// Complainant updates (one per report, key event and event key) and the outbox the default sender writes to.
CREATE CONSTRAINT complainant_update_id IF NOT EXISTS FOR (u:ComplainantUpdate) REQUIRE u.id IS UNIQUE;
CREATE INDEX complainant_update_status IF NOT EXISTS FOR (u:ComplainantUpdate) ON (u.status, u.due_by);
CREATE INDEX complainant_update_case IF NOT EXISTS FOR (u:ComplainantUpdate) ON (u.case);
CREATE CONSTRAINT outbox_message_id IF NOT EXISTS FOR (m:OutboxMessage) REQUIRE m.id IS UNIQUE;
CREATE INDEX outbox_message_created IF NOT EXISTS FOR (m:OutboxMessage) ON (m.created_at);
