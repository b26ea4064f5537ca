// Duplicate review decisions, copy-paste text groups and the lookups the dedupe rules use.
CREATE CONSTRAINT dedupe_decision_id IF NOT EXISTS FOR (n:DedupeDecision) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT text_group_id IF NOT EXISTS FOR (n:TextGroup) REQUIRE n.id IS UNIQUE;
CREATE INDEX content_item_text_key IF NOT EXISTS FOR (n:ContentItem) ON (n.text_key);
CREATE INDEX dedupe_decision_active IF NOT EXISTS FOR (n:DedupeDecision) ON (n.active);
