// Every edited version of the document $kind/$key, newest first (the shipped file, version 0, is not stored).
MATCH (v:DocumentVersion {kind: $kind, key: $key})
RETURN v.kind AS kind, v.key AS key, v.version AS version, v.title AS title, v.subject AS subject, v.body AS body,
       v.tags_json AS tags_json, v.edited_by AS edited_by, v.edited_at AS edited_at, v.reason AS reason
ORDER BY v.version DESC
