// Editable documents (the advice library, complainant update templates): one node per edited version, keyed by
// id (kind:key:version); looked up by kind and key. Version 0 of each document is its shipped file, not a node.
CREATE CONSTRAINT document_version_id IF NOT EXISTS FOR (n:DocumentVersion) REQUIRE n.id IS UNIQUE;
CREATE INDEX document_version_kind_key IF NOT EXISTS FOR (n:DocumentVersion) ON (n.kind, n.key);
