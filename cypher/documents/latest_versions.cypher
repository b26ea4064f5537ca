// The latest edited version of every document of $kind (documents never edited have none: their shipped file
// is current), one row per key.
MATCH (v:DocumentVersion {kind: $kind})
WITH v ORDER BY v.version DESC
WITH v.key AS key, head(collect(v)) AS v
RETURN v.kind AS kind, v.key AS key, v.version AS version, v.title AS title, v.subject AS subject, v.body AS body,
       v.tags_json AS tags_json, v.edited_by AS edited_by, v.edited_at AS edited_at, v.reason AS reason
ORDER BY key
